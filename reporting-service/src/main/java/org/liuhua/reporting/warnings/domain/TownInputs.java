package org.liuhua.reporting.warnings.domain;

/**
 * The figures of one town in one month that the warning rules need. A figure is null when its source is not
 * available (the rule then skips the town and says so in its description); counts are never negative.
 *
 * @param establishments          establishments of the town (the denominator of upload volume, coverage, adoption)
 * @param hazardsReported         hidden hazards reported in the month (all sources: 上传数据量)
 * @param closureClosed           hazards closed, of {@code closureBase}
 * @param closureBase             hazards due to be closed
 * @param overdueMajor            major hazards open past their deadline at the end of the month
 * @param establishmentsInspected establishments with at least one proven patrol visit in the month
 * @param staffingGaps            posts short of the staffing rules (网格员、安监人员缺配)
 * @param trainingParticipants    participants in targeted learning (全员化)
 * @param trainingBase            those who should take part
 * @param handbooksAdopted        establishments that adopted their industry's handbook
 */
public record TownInputs(String townId, String townName, Long establishments, Long hazardsReported,
                         Long closureClosed, Long closureBase, Long overdueMajor, Long establishmentsInspected,
                         Long staffingGaps, Long trainingParticipants, Long trainingBase, Long handbooksAdopted) {

    /** A town with no figure known yet. */
    public static TownInputs none(String townId, String townName) {
        return new TownInputs(townId, townName, null, null, null, null, null, null, null, null, null, null);
    }
}
