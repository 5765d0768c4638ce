package org.liuhua.grid.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.liuhua.grid.patrol.PatrolRecorded;
import org.liuhua.grid.patrol.domain.CheckIn;
import org.liuhua.grid.plan.domain.CoverageWindow;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The plan's read model of proven visits (G-4), kept as patrols are written: per establishment and calendar window
 * one document {@code _id = <establishmentId>#<window>} ({@code 2026-Q4}, {@code 2026-H2}; both kinds are kept for
 * every visit, so a change of risk level needs no rebuild) with the {@code first} and {@code last} proven check-in in
 * it (device time), and {@code <establishmentId>#all} with the {@code last} one ever. {@code $min}/{@code $max}
 * upserts, so a re-sent patrol changes nothing; plans and coverage read these by {@code _id} only.
 */
@Service
public class PatrolWindows {

    static final String ALL = "all";

    private final MongoTemplate mongo;
    private final CityCalendar calendar;

    PatrolWindows(MongoTemplate mongo, CityCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    /** The first and last proven visit in a window (device time). */
    public record Visits(Instant first, Instant last) {
    }

    static String id(String establishmentId, String window) {
        return establishmentId + "#" + window;
    }

    @EventListener
    void recorded(PatrolRecorded recorded) {
        Map<String, Instant[]> spans = new HashMap<>();
        for (CheckIn c : recorded.patrol().checkIns()) {
            if (!c.proven()) {
                continue;
            }
            LocalDate day = calendar.dayOf(c.deviceTime());
            for (String window : new String[]{CoverageWindow.of(CoverageWindow.Kind.QUARTER, day).key(),
                    CoverageWindow.of(CoverageWindow.Kind.HALF_YEAR, day).key(), ALL}) {
                spans.merge(id(c.establishmentId(), window), new Instant[]{c.deviceTime(), c.deviceTime()},
                        (a, b) -> new Instant[]{a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
        }
        if (spans.isEmpty()) {
            return;
        }
        // one round trip for the patrol's windows (three per proven establishment)
        BulkOperations windows = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PlanStorage.PATROL_WINDOWS);
        spans.forEach((id, span) -> windows.upsert(new Query(Criteria.where("_id").is(id)),
                new Update().min("first", span[0]).max("last", span[1])));
        windows.execute();
    }

    /** The visits of these documents ({@link #id}) that exist, by id. */
    public Map<String, Visits> find(Collection<String> ids) {
        Map<String, Visits> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document d : mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class,
                PlanStorage.PATROL_WINDOWS)) {
            found.put(d.getString("_id"), new Visits(instant(d.get("first")), instant(d.get("last"))));
        }
        return found;
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
