package org.liuhua.reporting.monthly;

/** A town (镇、街道、区) of the city as the reports list it: its id and its name. */
public record ReportTown(String id, String name) {
}
