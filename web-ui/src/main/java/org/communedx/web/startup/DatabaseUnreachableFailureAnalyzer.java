package org.communedx.web.startup;

import org.communedx.service.database.ExternalDatabaseCheck.DatabaseUnreachableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Check SPRING_DATASOURCE_URL, or unset it to use the embedded database.", cause);
    }
}
