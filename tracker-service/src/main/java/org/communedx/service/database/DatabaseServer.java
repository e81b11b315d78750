package org.communedx.service.database;

/**
 * The database server the application runs itself, when it does. Asked after a request failed, to tell a server
 * that has just died from a fault of the request: when a query and then its rollback fail on a lost connection,
 * only the rollback's failure travels on ("Connection is closed", without SQL state), and it alone does not say why.
 */
public interface DatabaseServer {

    /** Whether the server has died and not yet been started again. */
    boolean isDown();
}
