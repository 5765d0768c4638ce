package org.liuhua.grid;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy numbers of grid-service ({@code liuhua.grid.*}); the defaults here are the policy's and are not repeated
 * anywhere else. Dates and months are cut in the city's zone ({@code liuhua.zone}, the kit's {@code CityCalendar}); the
 * staffing numbers are {@code liuhua.grid.staffing.*} ({@code StaffingProperties}).
 *
 * @param patrolFrequencyDays       days between patrols per risk level (G-4: 每半年 LOW/GENERAL, 每季度
 *                                  SIGNIFICANT/MAJOR); up to 92 days means one patrol per calendar quarter, more
 *                                  one per calendar half-year (the plan's coverage windows)
 * @param patrolFrequencyDaysByKind optional override per "KIND:RISK" (e.g. {@code SMALL_VENUE:GENERAL: 91})
 * @param proofDistanceMeters       a check-in farther than this from the establishment is not proven (G-5)
 * @param clusterThresholdPercent   share of passing members that makes a cluster standardised (G-8 双七十)
 * @param cityClusterTargetPercent  city target share of standardised clusters
 */
@ConfigurationProperties("liuhua.grid")
public record GridProperties(Map<String, Integer> patrolFrequencyDays, Map<String, Integer> patrolFrequencyDaysByKind,
                             Integer proofDistanceMeters, Integer clusterThresholdPercent,
                             Integer cityClusterTargetPercent) {

    static final int DEFAULT_FREQUENCY_DAYS = 182;

    public GridProperties {
        patrolFrequencyDays = patrolFrequencyDays == null || patrolFrequencyDays.isEmpty()
                ? Map.of("LOW", 182, "GENERAL", 182, "SIGNIFICANT", 91, "MAJOR", 91) : Map.copyOf(patrolFrequencyDays);
        patrolFrequencyDaysByKind = patrolFrequencyDaysByKind == null ? Map.of()
                : Map.copyOf(patrolFrequencyDaysByKind);
        proofDistanceMeters = proofDistanceMeters == null ? 200 : proofDistanceMeters;
        clusterThresholdPercent = clusterThresholdPercent == null ? 70 : clusterThresholdPercent;
        cityClusterTargetPercent = cityClusterTargetPercent == null ? 70 : cityClusterTargetPercent;
    }

    /** Days allowed between two patrols of an establishment of this kind and risk level. */
    public int frequencyDays(String kind, String riskLevel) {
        Integer byKind = patrolFrequencyDaysByKind.get(kind + ":" + riskLevel);
        if (byKind != null) {
            return byKind;
        }
        return patrolFrequencyDays.getOrDefault(riskLevel, DEFAULT_FREQUENCY_DAYS);
    }
}
