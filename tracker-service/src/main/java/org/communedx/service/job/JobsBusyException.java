package org.communedx.service.job;

/** As many jobs as the server keeps are queued, running or waiting for their results to be fetched. */
public class JobsBusyException extends RuntimeException {

    private final int limit;

    JobsBusyException(int limit) {
        super("Already " + limit + " background jobs kept");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
