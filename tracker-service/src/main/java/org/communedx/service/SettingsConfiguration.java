package org.communedx.service;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the {@code communedx} settings once, for every module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommuneDxProperties.class)
class SettingsConfiguration {
}
