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

    /** {@code work} to run on another thread, where the audit still records the address of this request. */
    public static Runnable carriedInto(Runnable work) {
        String address = current();
        return () -> {
            set(address);
            try {
                work.run();
            }
            finally {
                clear();
            }
        };
    }

    public static String current() {
        return ADDRESS.get();
    }
}
