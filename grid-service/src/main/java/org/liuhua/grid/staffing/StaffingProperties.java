package org.liuhua.grid.staffing;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staffing rules (G-7) as configuration ({@code liuhua.grid.staffing.*}): rugao 2026, and zhangjiagang 2024 for
 * directors and engineers. The defaults here are the policy's and are not repeated anywhere else.
 *
 * @param townSafetyStaff           in-post safety staff of an ordinary town or sub-district (≥ 6)
 * @param largeTownSafetyStaff      … of a development zone, high-tech zone or 长江镇-type town (≥ 10)
 * @param townFireStaff             fire-safety staff of an ordinary town (≥ 3)
 * @param largeTownFireStaff        … of the large kinds (≥ 5)
 * @param largeTownKinds            town kinds held to the large numbers
 * @param largeTownIds              further towns held to the large numbers (长江镇-type)
 * @param departmentSafetyStaff     in-house safety staff of a supervising department (≥ 3)
 * @param departmentSafetyStaffById exceptions (commerce: 2)
 * @param directorEmployees         employee count from which the director sectors need a safety director (100)
 * @param directorIndustries        industries that need a safety director from that size (危险化学品生产储存, 建筑施工,
 *                                  船舶修造, 道路运输)
 * @param directorFlags             flags that need a safety director from that size (金属冶炼, 粉尘涉爆, 涉氨制冷)
 * @param engineerIndustries        industries that need a registered safety engineer (危险化学品生产、储存: the industry
 *                                  code, not the flag HAZARDOUS_CHEMICALS, which any user or trader of chemicals carries)
 * @param engineerFlags             flags that need a registered safety engineer (金属冶炼单位)
 * @param workersPerSafetyOfficer   0 (the default): one safety officer per post and shift (在车间、班组等生产一线根据
 *                                  单班作业人数至少明确1名专兼职安全员); N > 0: one per started N workers of a post's
 *                                  shift (so still at least one per shift)
 */
@ConfigurationProperties("liuhua.grid.staffing")
public record StaffingProperties(Integer townSafetyStaff, Integer largeTownSafetyStaff, Integer townFireStaff,
                                 Integer largeTownFireStaff, List<String> largeTownKinds, List<String> largeTownIds,
                                 Integer departmentSafetyStaff, Map<String, Integer> departmentSafetyStaffById,
                                 Integer directorEmployees, List<String> directorIndustries,
                                 List<String> directorFlags, List<String> engineerIndustries,
                                 List<String> engineerFlags, Integer workersPerSafetyOfficer) {

    public StaffingProperties {
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
        directorIndustries = directorIndustries == null
                ? List.of("HAZARDOUS_CHEMICALS", "CONSTRUCTION", "SHIPBUILDING", "ROAD_TRANSPORT")
                : List.copyOf(directorIndustries);
        directorFlags = directorFlags == null ? List.of("METAL_SMELTING", "DUST_EXPLOSION", "AMMONIA_REFRIGERATION")
                : List.copyOf(directorFlags);
        engineerIndustries = engineerIndustries == null ? List.of("HAZARDOUS_CHEMICALS")
                : List.copyOf(engineerIndustries);
        engineerFlags = engineerFlags == null ? List.of("METAL_SMELTING") : List.copyOf(engineerFlags);
        workersPerSafetyOfficer = workersPerSafetyOfficer == null ? 0 : workersPerSafetyOfficer;
    }

    /** Whether a town is held to the large numbers. */
    public boolean large(String townId, String kind) {
        return largeTownKinds.contains(kind) || largeTownIds.contains(townId);
    }
}
