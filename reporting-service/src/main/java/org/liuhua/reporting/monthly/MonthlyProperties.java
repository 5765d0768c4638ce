package org.liuhua.reporting.monthly;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reports' town list while no town register is wired ({@code liuhua.reporting.monthly.towns}: id and name, in the
 * order of the form).
 *
 * @param towns the towns of the city; none by default
 */
@ConfigurationProperties("liuhua.reporting.monthly")
public record MonthlyProperties(List<ReportTown> towns) {

    public MonthlyProperties {
        towns = towns == null ? List.of() : List.copyOf(towns);
    }
}
