package org.liuhua.reporting.monthly;

import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.stats.Names;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reports' properties and the stand-ins they need while the beans they read are built elsewhere: the town list
 * from configuration, and generation 1 of the read models when no projection runtime is present.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonthlyProperties.class)
class MonthlyConfiguration {

    @Bean
    @ConditionalOnMissingBean(TownRegister.class)
    TownRegister configuredTownRegister(MonthlyProperties properties, ObjectProvider<Names> names) {
        return new ConfiguredTownRegister(properties, names);
    }

    @Bean
    @ConditionalOnMissingBean(Projections.class)
    Projections firstGeneration() {
        ProjectionSpace first = new ProjectionSpace(1);
        return () -> first;
    }
}
