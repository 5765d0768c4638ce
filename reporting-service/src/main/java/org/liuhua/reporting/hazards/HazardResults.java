package org.liuhua.reporting.hazards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.liuhua.reporting.stats.Rate;

/** The typed answers of the hazard statistics: names beside ids, the target beside every rate. */
public final class HazardResults {

    private HazardResults() {
    }

    /** Whose figures these are. */
    public record ScopeView(String kind, String townId, String townName, String departmentId,
                            String departmentName) {
    }

    public record HazardFigures(long total, long open, long closed, Rate closureRate, long overdue, long openMajor,
                                long escalated, Map<String, Long> byState, Map<String, Long> bySource,
                                Map<String, Long> bySeverity) {
    }

    public record Overview(ScopeView scope, Instant asOf, HazardFigures hazards, Map<String, Object> sections) {
    }

    /** A town's row of the ranking (by closure rate, then fewer overdue). */
    public record TownRow(String townId, String townName, long total, long open, long closed, Rate closureRate,
                          long overdue, long openMajor, long escalated, int rank) {
    }

    public record IndustryRow(String industry, long total, long open, long closed, Rate closureRate, long overdue,
                              long openMajor, long escalated) {
    }

    public record DepartmentRow(String departmentId, String departmentName, long total, long open, long closed,
                                Rate closureRate, long overdue, long openMajor, long escalated) {
    }

    /**
     * One month: reported and closed in it; open and overdue at its end (reported − closed, and overdue but not
     * closed, up to its last instant in the city's calendar).
     */
    public record MonthRow(String month, long reported, long closed, long openAtEnd, long overdueAtEnd,
                           long overdueMajorAtEnd, long selfCheckReported, long supervisionFound, long casesFiled, double penaltyCny) {
    }

    public record OpenAtTown(String townId, String townName, long open) {
    }

    /** Hazards open at the end of a day of the city, per town. */
    public record OpenAt(LocalDate date, long total, List<OpenAtTown> towns) {
    }

    /** A hazard on an attention list (open and major, overdue or escalated). */
    public record AttentionHazard(String hazardId, String establishmentId, String townId, String townName,
                                  String departmentId, String departmentName, String industry, String category,
                                  String severity, String state, LocalDate deadline, int level, boolean overdue,
                                  Instant reportedAt) {
    }
}
