package org.liuhua.training.staff;

/** Optional filters of the staff list. */
public record StaffFilter(String establishmentId, String townId, String status, String role, String post) {
}
