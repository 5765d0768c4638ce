package org.liuhua.training.violation;

import java.time.LocalDate;
import java.util.List;

/**
 * One person working against a rule: INDUCTION — active without all required induction levels passed
 * ("先培训、再上岗", also after a post or process change until re-inducted), naming the missing levels; CERTIFICATE — a
 * special-operations worker on duty without a valid certificate (持证上岗).
 */
public record Violation(String kind, String staffId, String name, String establishmentId, String townId, String role,
                        String post, String workshop, List<String> missingLevels, LocalDate since, String rule) {
}
