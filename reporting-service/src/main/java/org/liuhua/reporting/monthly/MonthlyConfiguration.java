package org.liuhua.reporting.monthly;

import org.liuhua.reporting.names.RegionNames;
import org.liuhua.reporting.stats.Names;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reports' properties and their town register (the region tree from grid events, the configured list before
 * grid has published one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonthlyProperties.class)
class MonthlyConfiguration {

    @Bean
    @ConditionalOnMissingBean(TownRegister.class)
    TownRegister configuredTownRegister(MonthlyProperties properties, ObjectProvider<Names> names,
                                        ObjectProvider<RegionNames> regions) {
        return new ConfiguredTownRegister(properties, names, regions);
    }
}
