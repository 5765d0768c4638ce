package org.liuhua.events.grid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A post (岗位/班组) of an establishment's production line as the establishment events carry it: a team working in
 * shifts, each shift needing at least one safety officer (rugao 2026: 在车间、班组等生产一线根据单班作业人数至少明确1名专兼职安全员).
 *
 * @param name            the post's name, unique within the establishment (冲压车间甲班, 喷涂线, 仓储叉车班, …)
 * @param workshop        the workshop it belongs to, when named
 * @param shifts          shifts per day (1 to 4)
 * @param workersPerShift workers on one shift (1 to 10,000)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EstablishmentPost(String name, String workshop, int shifts, int workersPerShift) {
}
