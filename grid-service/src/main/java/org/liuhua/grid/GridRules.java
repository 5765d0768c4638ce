package org.liuhua.grid;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy numbers of grid-service as configuration ({@code liuhua.grid.*}); the defaults are the policy's.
 *
 * @param patrolFrequencyDays      days between patrols per risk level (G-4: 每半年 LOW/GENERAL, 每季度 SIGNIFICANT/MAJOR)
 * @param patrolFrequencyDaysByKind optional override per "KIND:RISK" (e.g. {@code SMALL_VENUE:GENERAL: 91})
 * @param dueSoonDays              an establishment is listed as DUE this many days before its patrol is overdue
 * @param proofDistanceMeters      a check-in farther than this from the establishment is not proven (G-5)
 * @param staffing                 rugao staffing numbers (G-7)
 * @param clusterThresholdPercent  share of passing members that makes a cluster standardised (G-8 双七十)
 * @param cityClusterTargetPercent city target share of standardised clusters
 * @param zone                     the local time zone for dates and months
 */
@ConfigurationProperties("liuhua.grid")
public record GridRules(Map<String, Integer> patrolFrequencyDays, Map<String, Integer> patrolFrequencyDaysByKind,
                        Integer dueSoonDays, Integer proofDistanceMeters, Staffing staffing,
                        Integer clusterThresholdPercent, Integer cityClusterTargetPercent, String zone) {

    public GridRules {
        patrolFrequencyDays = patrolFrequencyDays == null || patrolFrequencyDays.isEmpty()
                ? Map.of("LOW", 182, "GENERAL", 182, "SIGNIFICANT", 91, "MAJOR", 91) : Map.copyOf(patrolFrequencyDays);
        patrolFrequencyDaysByKind = patrolFrequencyDaysByKind == null ? Map.of() : Map.copyOf(patrolFrequencyDaysByKind);
        dueSoonDays = dueSoonDays == null ? 30 : dueSoonDays;
        proofDistanceMeters = proofDistanceMeters == null ? 200 : proofDistanceMeters;
        staffing = staffing == null ? new Staffing(null, null, null, null, null, null, null, null, null, null, null)
                : staffing;
        clusterThresholdPercent = clusterThresholdPercent == null ? 70 : clusterThresholdPercent;
        cityClusterTargetPercent = cityClusterTargetPercent == null ? 70 : cityClusterTargetPercent;
        zone = zone == null ? "Asia/Shanghai" : zone;
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** Days allowed between two patrols of an establishment of this kind and risk level. */
    public int frequencyDays(String kind, String riskLevel) {
        Integer byKind = patrolFrequencyDaysByKind.get(kind + ":" + riskLevel);
        if (byKind != null) {
            return byKind;
        }
        return patrolFrequencyDays.getOrDefault(riskLevel, 182);
    }

    /**
     * rugao 2026 (and zhangjiagang 2024 for directors and engineers).
     *
     * @param townSafetyStaff          in-post safety staff of an ordinary town or sub-district (≥ 6)
     * @param largeTownSafetyStaff     … of a development zone, high-tech zone or 长江镇-type town (≥ 10)
     * @param townFireStaff            fire-safety staff of an ordinary town (≥ 3)
     * @param largeTownFireStaff       … of the large kinds (≥ 5)
     * @param largeTownKinds           town kinds held to the large numbers
     * @param largeTownIds             further towns held to the large numbers (长江镇-type)
     * @param departmentSafetyStaff    in-house safety staff of a supervising department (≥ 3)
     * @param departmentSafetyStaffById exceptions (commerce: 2)
     * @param directorEmployees        employee count from which the director industries need a safety director (100)
     * @param directorFlagsOrIndustries flags or industries that need a safety director from that size
     * @param engineerFlags            flags that need a registered safety engineer
     */
    public record Staffing(Integer townSafetyStaff, Integer largeTownSafetyStaff, Integer townFireStaff,
                           Integer largeTownFireStaff, List<String> largeTownKinds, List<String> largeTownIds,
                           Integer departmentSafetyStaff, Map<String, Integer> departmentSafetyStaffById,
                           Integer directorEmployees, List<String> directorFlagsOrIndustries,
                           List<String> engineerFlags) {

        public Staffing {
            townSafetyStaff = townSafetyStaff == null ? 6 : townSafetyStaff;
            largeTownSafetyStaff = largeTownSafetyStaff == null ? 10 : largeTownSafetyStaff;
            townFireStaff = townFireStaff == null ? 3 : townFireStaff;
            largeTownFireStaff = largeTownFireStaff == null ? 5 : largeTownFireStaff;
            largeTownKinds = largeTownKinds == null ? List.of("DEVELOPMENT_ZONE", "HIGH_TECH_ZONE")
                    : List.copyOf(largeTownKinds);
            largeTownIds = largeTownIds == null ? List.of() : List.copyOf(largeTownIds);
            departmentSafetyStaff = departmentSafetyStaff == null ? 3 : departmentSafetyStaff;
            departmentSafetyStaffById = departmentSafetyStaffById == null ? Map.of("dept-commerce", 2)
                    : Map.copyOf(departmentSafetyStaffById);
            directorEmployees = directorEmployees == null ? 100 : directorEmployees;
            directorFlagsOrIndustries = directorFlagsOrIndustries == null
                    ? List.of("HAZARDOUS_CHEMICALS", "METAL_SMELTING", "DUST_EXPLOSION", "AMMONIA_REFRIGERATION",
                    "CONSTRUCTION", "SHIPBUILDING", "ROAD_TRANSPORT")
                    : List.copyOf(directorFlagsOrIndustries);
            engineerFlags = engineerFlags == null ? List.of("HAZARDOUS_CHEMICALS", "METAL_SMELTING")
                    : List.copyOf(engineerFlags);
        }

        public boolean large(String townId, String kind) {
            return largeTownKinds.contains(kind) || largeTownIds.contains(townId);
        }
    }
}
