package org.liuhua.reporting.handbooks;

import org.bson.Document;
import org.liuhua.reporting.grid.Denominators;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.stats.OverviewSection;
import org.liuhua.reporting.stats.Rate;
import org.liuhua.reporting.stats.Targets;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The overview's {@code handbooks} part: adoption (establishments with an adopted handbook of the establishments
 * registered), completeness (complete handbooks of the adopted ones), reviews due, and this month's self-checks and
 * rule revisions — from the count documents of the scope ({@code city}, {@code town:<id>} or
 * {@code department:<id>}), read by {@code _id}.
 */
@Component
class HandbooksSection implements OverviewSection {

    record Figures(String month, long establishments, long adopted, Rate adoption, Rate completeness,
                   long reviewsDue, long selfCheckEstablishments, long rulesRevisedEstablishments,
                   long rulesRevised) {
    }

    private final MongoTemplate mongo;
    private final GridFigures grid;

    HandbooksSection(MongoTemplate mongo, GridFigures grid) {
        this.mongo = mongo;
        this.grid = grid;
    }

    @Override
    public String key() {
        return "handbooks";
    }

    @Override
    public Figures figures(ReportScope scope, ProjectionSpace space) {
        String id = switch (scope.kind()) {
            case CITY -> Denominators.CITY;
            case TOWN -> Denominators.town(scope.townId());
            case DEPARTMENT -> Denominators.department(scope.departmentId());
        };
        Document counts = mongo.findById(id, Document.class, space.collection(HandbooksProjector.COUNTS));
        counts = counts == null ? new Document() : counts;
        long establishments = GridFigures.total(grid.counts(space, id));
        long adopted = number(counts, "adopted");
        long complete = number(counts, "complete");
        String month = grid.currentMonth();
        long selfCheck = 0;
        long revising = 0;
        long revisions = 0;
        if (scope.kind() != ReportScope.Kind.DEPARTMENT) {
            for (Document m : grid.byId(space.collection(TownMonths.COLLECTION), grid.towns(space, scope).stream()
                    .map(t -> TownMonths.id(t, month)).toList()).values()) {
                selfCheck += GridFigures.size(m, TownMonths.SELF_CHECK_ESTABLISHMENTS);
                revising += GridFigures.size(m, TownMonths.RULES_REVISED_ESTABLISHMENTS);
                revisions += GridFigures.size(m, TownMonths.RULES_REVISED);
            }
        }
        return new Figures(month, establishments, adopted,
                Rate.of(Math.min(adopted, establishments), establishments, Targets.HANDBOOK_ADOPTION),
                Rate.of(complete, adopted, Targets.HANDBOOK_COMPLETENESS), number(counts, "reviewDue"), selfCheck,
                revising, revisions);
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

}
