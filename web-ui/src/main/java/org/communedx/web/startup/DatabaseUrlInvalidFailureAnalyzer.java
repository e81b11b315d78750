package org.communedx.web.startup;

import org.communedx.service.database.ExternalDatabaseCheck.DatabaseUrlInvalidException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DatabaseUrlInvalidFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUrlInvalidException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUrlInvalidException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct SPRING_DATASOURCE_URL, or unset it to use the embedded"
                + " database.", cause);
    }
}
