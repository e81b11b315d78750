package org.communedx.web.startup;

import org.communedx.web.config.RedisSessions.RedisNotBuiltException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class RedisNotBuiltFailureAnalyzer extends AbstractFailureAnalyzer<RedisNotBuiltException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RedisNotBuiltException cause) {
        return new FailureAnalysis(cause.getMessage(), "See \"Several instances\" in the README.", cause);
    }
}
