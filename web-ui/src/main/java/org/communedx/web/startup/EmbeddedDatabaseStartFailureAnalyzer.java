package org.communedx.web.startup;

import org.communedx.service.database.PersistentPostgres.EmbeddedDatabaseStartException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EmbeddedDatabaseStartFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseStartException cause) {
        // PostgreSQL's own messages are logged at INFO, which application.yml keeps out of the log.
        return new FailureAnalysis(cause.getMessage(), "Set LOGGING_LEVEL_IO_ZONKY_TEST_DB_POSTGRES_EMBEDDED=info to"
                + " see PostgreSQL's own messages.", cause);
    }
}
