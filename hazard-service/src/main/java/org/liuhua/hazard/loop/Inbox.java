package org.liuhua.hazard.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * What needs the caller now (H-4, H-5: escalation reaches people), by the role they act in, within their scope:
 * <ul>
 *   <li>town officer: transfers not yet acknowledged (a department's, or the establishment's to take on), reviews
 *   waiting, major hazards without the town's supervision order (督办), hazards escalated to the town or the city,
 *   open hazards a patrol finding of which its inspector withdrew (kept, to judge whether they stand; ADR 19);</li>
 *   <li>department officer: transfers to their department to acknowledge (报到), reviews waiting, major hazards their
 *   department must sign off (审核把关销号), escalated hazards of their department;</li>
 *   <li>city admin: the same city-wide, and what was escalated to the city.</li>
 * </ul>
 * Each section has its count and its oldest {@code size} (default 20, at most 200) summaries. The filters are on
 * non-key fields: on the embedded MongoDB stand-in each section scans the collection (see STACK.md); a real MongoDB
 * uses the declared indexes.
 */
@Service
public class Inbox {

    private final MongoTemplate mongo;
    private final HazardScope scope;

    Inbox(MongoTemplate mongo, HazardScope scope) {
        this.mongo = mongo;
        this.scope = scope;
    }

    /** One section of the inbox: how many, and the oldest of them. */
    public record Section(long count, List<HazardSummary> items) {
    }

    public record View(String role, Map<String, Section> sections) {
    }

    public View of(Caller caller, int size) {
        if (size < 1 || size > 200) {
            throw new org.liuhua.kit.domain.InvalidInputException("size", "from 1 to 200");
        }
        String role = AccessPolicy.actingRole(caller);
        Map<String, Section> sections = new LinkedHashMap<>();
        Criteria pendingAcknowledgement = Criteria.where("state").is(HazardState.TRANSFERRED)
                .and("acknowledgedAt").is(null);
        Criteria open = Criteria.where("state").nin(HazardState.finalNames());
        if (Roles.DEPARTMENT_OFFICER.equals(role)) {
            String department = caller.departmentId();
            sections.put("transfersToAcknowledge", section(caller, size, pendingAcknowledgement,
                    Criteria.where("transferredDepartmentId").is(department)));
            sections.put("reviewsWaiting", section(caller, size, Criteria.where("state").is(HazardState.REVIEW)));
            sections.put("majorAwaitingSignOff", section(caller, size, Criteria.where("severity").is(Severity.MAJOR)
                    .and("state").is(HazardState.ENFORCEMENT).and("signedOffBy").is(null),
                    new Criteria().orOperator(Criteria.where("transferredDepartmentId").is(department),
                            new Criteria().andOperator(Criteria.where("transferredDepartmentId").is(null),
                                    Criteria.where("departmentId").is(department)))));
            sections.put("escalated", section(caller, size, open, escalatedAtLeast(1)));
        } else {
            sections.put("transfersAwaitingAcknowledgement", section(caller, size, pendingAcknowledgement));
            sections.put("transfersRefused", section(caller, size, Criteria.where("state").is(HazardState.REPORTED)
                    .and("refusedDepartmentId").ne(null)));
            sections.put("reviewsWaiting", section(caller, size, Criteria.where("state").is(HazardState.REVIEW)));
            sections.put("majorAwaitingSupervisionOrder", section(caller, size, open,
                    Criteria.where("severity").is(Severity.MAJOR).and("supervisionOrderNumber").is(null)));
            sections.put("majorAwaitingSignOff", section(caller, size, Criteria.where("severity").is(Severity.MAJOR)
                    .and("state").is(HazardState.ENFORCEMENT).and("signedOffBy").is(null)));
            sections.put("escalated", section(caller, size, open,
                    escalatedAtLeast(Roles.CITY_ADMIN.equals(role) ? 3 : 2)));
            sections.put("findingsWithdrawn", section(caller, size, open,
                    Criteria.where("findingWithdrawnAt").ne(null)));
        }
        return new View(role, sections);
    }

    /** Escalated to at least this level (2 the town, 3 the city), for the rectification or the acknowledgement. */
    private static Criteria escalatedAtLeast(int level) {
        return new Criteria().orOperator(Criteria.where("escalationLevel").gte(level),
                Criteria.where("acknowledgeEscalationLevel").gte(level));
    }

    private Section section(Caller caller, int size, Criteria... criteria) {
        List<Criteria> all = new ArrayList<>(List.of(criteria));
        Criteria scoped = scope.of(caller);
        if (scoped != null) {
            all.add(scoped);
        }
        Query query = new Query(all.size() == 1 ? all.get(0) : new Criteria().andOperator(all));
        long count = mongo.count(query, HazardStore.COLLECTION);
        Query oldest = Query.of(query).with(Sort.by("reportedAt", "_id")).limit(size);
        oldest.fields().include(HazardSummary.fields());
        return new Section(count, mongo.find(oldest, HazardSummary.class, HazardStore.COLLECTION));
    }
}
