package org.liuhua.reporting.hazards;

import org.liuhua.reporting.stats.Names;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until the names are kept from grid events, a town or department is named by its id. */
@Configuration(proxyBeanMethods = false)
class NamesFallbackConfiguration {

    @Bean
    @ConditionalOnMissingBean(Names.class)
    Names idsAsNames() {
        return new Names() {
            @Override
            public String town(String townId) {
                return townId;
            }

            @Override
            public String department(String departmentId) {
                return departmentId;
            }
        };
    }
}
