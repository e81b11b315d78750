package org.communedx.web.startup;

import org.communedx.service.instance.SingleInstanceGuard.InstanceNotShareableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InstanceNotShareableFailureAnalyzer extends AbstractFailureAnalyzer<InstanceNotShareableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InstanceNotShareableException cause) {
        return new FailureAnalysis(cause.getMessage(), "See \"Several instances\" in the README.", cause);
    }
}
