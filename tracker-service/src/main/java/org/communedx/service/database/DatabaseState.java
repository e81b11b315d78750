package org.communedx.service.database;

import org.springframework.boot.availability.AvailabilityState;

/**
 * Whether the embedded database serves. Kept by {@link PostmasterWatchdog} in Spring Boot's
 * {@code ApplicationAvailability}, where the web layer reads it on every request without touching the database.
 */
public enum DatabaseState implements AvailabilityState {

    SERVING,

    /** The server died and is being started again: requests are answered at once, without a connection. */
    RESTARTING
}
