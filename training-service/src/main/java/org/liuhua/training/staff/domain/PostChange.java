package org.liuhua.training.staff.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a person's post history (人员调整): hired, a post change (调换工种), a process change (采用新工艺), a role
 * change, leaving. Entries are only appended.
 *
 * @param kind HIRED, POST, PROCESS, ROLE, LEFT
 */
public record PostChange(String kind, LocalDate effectiveOn, StaffRole role, String post, String workshop, String team,
                         String process, String note, Instant recordedAt, String recordedBy) {
}
