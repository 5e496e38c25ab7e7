package org.yizhan.locator.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background jobs: flushing aggregated query demand. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {}
