package org.communedx.web.startup;

import org.communedx.service.database.PersistentPostgres.NoEmbeddedPostgresException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class NoEmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<NoEmbeddedPostgresException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoEmbeddedPostgresException cause) {
        return new FailureAnalysis(cause.getMessage(), null, cause);
    }
}
