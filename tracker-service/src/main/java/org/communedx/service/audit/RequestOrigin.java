package org.communedx.service.audit;

/**
 * The client address of the request being served, for the audit trail and the login throttle. The web layer sets it for each request;
 * services know nothing of servlets.
 */
public final class RequestOrigin {

    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private RequestOrigin() {
    }

    public static void set(String address) {
        ADDRESS.set(address);
    }

    public static void clear() {
        ADDRESS.remove();
    }

    public static String current() {
        return ADDRESS.get();
    }
}
