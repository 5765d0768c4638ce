package org.liuhua.manual.template.domain;

import java.util.List;

/** The four parts of a post safety card (岗位安全四清楚卡) as a template proposes them for a post. */
public record PostCardParts(List<String> operatingProcedure, List<String> hazardsAndProtection,
                            List<String> emergencyResponse, List<String> protectiveEquipment) {

    public PostCardParts {
        operatingProcedure = copy(operatingProcedure);
        hazardsAndProtection = copy(hazardsAndProtection);
        emergencyResponse = copy(emergencyResponse);
        protectiveEquipment = copy(protectiveEquipment);
    }

    private static List<String> copy(List<String> lines) {
        return lines == null ? List.of() : List.copyOf(lines);
    }
}
