package org.liuhua.reporting.monthly;

import org.liuhua.reporting.stats.Names;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reports' properties, and the town list from configuration when no town register built from grid events is
 * present.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonthlyProperties.class)
class MonthlyConfiguration {

    @Bean
    @ConditionalOnMissingBean(TownRegister.class)
    TownRegister configuredTownRegister(MonthlyProperties properties, ObjectProvider<Names> names) {
        return new ConfiguredTownRegister(properties, names);
    }
}
