package org.communedx.web.startup;

import org.communedx.service.DataDirectoryCheck.DataDirectoryUnwritableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DataDirectoryUnwritableFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryUnwritableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryUnwritableException cause) {
        return new FailureAnalysis(cause.getMessage(), null, cause);
    }
}
