package org.liuhua.manual.checklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.manual.checklist.domain.ChecklistItem;
import org.liuhua.manual.checklist.domain.ChecklistRun;
import org.liuhua.manual.checklist.domain.ItemResult;
import org.liuhua.manual.checklist.domain.RunItem;
import org.liuhua.manual.checklist.domain.RunSource;
import org.liuhua.manual.establishment.EstablishmentAccess;
import org.liuhua.manual.establishment.KnownEstablishments;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Checklist runs (M-6): who may check whom with which source, the items of a run (given, or all that apply to the
 * establishment's industry and flags), results with photos, and completion — whose failed items become hazards in
 * hazard-service through {@code liuhua.manual.checklist-item-failed.v1}.
 */
@Service
public class ChecklistRuns {

    public static final String COLLECTION = "checklist_runs";
    public static final String PHOTOS = "checklist_photos";

    /** One result as recorded. */
    public record Result(String itemCode, ItemResult result, String note, String photoId) {
    }

    /** A photo as stored. */
    public record Photo(String id, String runId, String contentType, byte[] data) {
    }

    private final AggregateStore<ChecklistRun> store;
    private final MongoTemplate mongo;
    private final ChecklistItems items;
    private final KnownEstablishments establishments;
    private final EstablishmentAccess access;
    private final ChecklistProperties properties;
    private final CityCalendar calendar;

    ChecklistRuns(MongoTemplate mongo, ChecklistItems items, KnownEstablishments establishments,
                  EstablishmentAccess access, ChecklistProperties properties, CityCalendar calendar, Clock clock) {
        this.store = new AggregateStore<>(mongo, ChecklistRun.class, COLLECTION, clock);
        this.mongo = mongo;
        this.items = items;
        this.establishments = establishments;
        this.access = access;
        this.properties = properties;
        this.calendar = calendar;
    }

    /**
     * Starts a run of the given items (all that apply to the establishment when none are given).
     *
     * @param checkedAt when the check was done on site (an app that was offline sends it later); now when absent,
     *                  never in the future nor more than 13 months back
     */
    public ChecklistRun start(Caller caller, String establishmentId, RunSource source, List<String> itemCodes,
                              java.time.Instant checkedAt) {
        return start(caller, establishmentId, source, itemCodes, checkedAt, List.of(), false);
    }

    /**
     * Starts a run with its first results (and completes it) in one write: a request refused for any of its results
     * stores no run. A photo belongs to a run that exists, so results of a new run name none.
     */
    public ChecklistRun start(Caller caller, String establishmentId, RunSource source, List<String> itemCodes,
                              java.time.Instant checkedAt, List<Result> results, boolean complete) {
        if (source == null) {
            throw new InvalidInputException("source", "one of " + List.of(RunSource.values()));
        }
        java.time.Instant now = calendar.now();
        if (checkedAt != null && (checkedAt.isAfter(now.plusSeconds(300))
                || checkedAt.isBefore(now.minus(java.time.Duration.ofDays(400))))) {
            throw new InvalidInputException("checkedAt", "not in the future, nor more than 13 months back");
        }
        KnownEstablishment establishment = establishments.get(establishmentId);
        access.requireRead(caller, establishment);
        requireMayCheck(caller, establishment, source);
        List<ChecklistItem> chosen;
        if (itemCodes == null || itemCodes.isEmpty()) {
            chosen = items.applicableTo(establishment.industry(), establishment.flags());
        } else {
            List<ChecklistItem> found = items.byCodes(itemCodes);
            List<FieldProblem> unknown = new ArrayList<>();
            for (int i = 0; i < itemCodes.size(); i++) {
                String code = itemCodes.get(i);
                if (found.stream().noneMatch(f -> f.code().equals(code))) {
                    unknown.add(new FieldProblem("itemCodes[" + i + "]", "no check item " + code));
                }
            }
            if (!unknown.isEmpty()) {
                throw new InvalidInputException(unknown);
            }
            chosen = itemCodes.stream().distinct()
                    .map(c -> found.stream().filter(f -> f.code().equals(c)).findFirst().orElseThrow()).toList();
        }
        ChecklistRun run = ChecklistRun.start("run-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                establishment.id(), establishment.townId(), establishment.departmentId(), source,
                chosen.stream().map(RunItem::of).toList(), caller.username(), checkedAt == null ? now
                        : checkedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        List<Result> first = results == null ? List.of() : results;
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Result r = first.get(i);
            if (r == null || r.result() == null) {
                problems.add(new FieldProblem("results[" + i + "].result", "one of "
                        + List.of(ItemResult.values())));
            } else if (chosen.stream().noneMatch(c -> c.code().equals(r.itemCode()))) {
                problems.add(new FieldProblem("results[" + i + "].itemCode", "not an item of this run: "
                        + r.itemCode()));
            } else if (r.photoId() != null) {
                problems.add(new FieldProblem("results[" + i + "].photoId", "a new run has no photos yet: record "
                        + "the result with its photo after uploading it to the run"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (Result r : first) {
            run.record(r.itemCode(), r.result(), r.note(), null, caller.username(), now);
        }
        if (complete) {
            run.complete(caller.username(), now, calendar.monthKey(run.startedAt()));
        }
        return store.insert(run);
    }

    public ChecklistRun record(Caller caller, String runId, List<Result> results) {
        ChecklistRun run = get(caller, runId);
        requireMayCheck(caller, establishments.get(run.establishmentId()), run.source());
        if (results == null || results.isEmpty()) {
            throw new InvalidInputException("results", "record at least one result");
        }
        for (Result r : results) {
            if (r.photoId() != null && !mongo.exists(new Query(Criteria.where("_id").is(r.photoId())
                    .and("runId").is(runId)), PHOTOS)) {
                throw new InvalidInputException("photoId", "no photo " + r.photoId() + " of run " + runId);
            }
        }
        return store.change(runId, "checklist run", current -> {
            for (Result r : results) {
                current.record(r.itemCode(), r.result(), r.note(), r.photoId(), caller.username(), calendar.now());
            }
            return current;
        });
    }

    public ChecklistRun complete(Caller caller, String runId) {
        ChecklistRun run = get(caller, runId);
        requireMayCheck(caller, establishments.get(run.establishmentId()), run.source());
        return store.change(runId, "checklist run", current -> {
            current.complete(caller.username(), calendar.now(), calendar.monthKey(current.startedAt()));
            return current;
        });
    }

    /** Keeps a photo of a run's finding; answers its id for a result to reference. */
    public String addPhoto(Caller caller, String runId, String contentType, byte[] data) {
        ChecklistRun run = get(caller, runId);
        requireMayCheck(caller, establishments.get(run.establishmentId()), run.source());
        if (data == null || data.length == 0) {
            throw new InvalidInputException("file", "the photo is empty");
        }
        if (data.length > properties.photoMaxBytes()) {
            throw new InvalidInputException("file", "a photo may have at most " + properties.photoMaxBytes()
                    + " bytes");
        }
        if (contentType == null || !contentType.startsWith("image/")) {
            throw new InvalidInputException("file", "a photo is an image (image/jpeg, image/png)");
        }
        String id = "photo-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        mongo.insert(new Document(Map.of("_id", id, "runId", runId, "contentType", contentType, "size", data.length,
                "data", new Binary(data), "uploadedBy", caller.username(),
                "uploadedAt", Date.from(calendar.now()))), PHOTOS);
        return id;
    }

    public Photo photo(Caller caller, String photoId) {
        Document photo = mongo.findById(photoId, Document.class, PHOTOS);
        if (photo == null) {
            throw new NotFoundException("photo", photoId);
        }
        get(caller, photo.getString("runId"));
        return new Photo(photoId, photo.getString("runId"), photo.getString("contentType"),
                photo.get("data", Binary.class).getData());
    }

    /** A run the caller may see (404 otherwise). */
    public ChecklistRun get(Caller caller, String runId) {
        ChecklistRun run = store.get(runId, "checklist run");
        KnownEstablishment establishment = establishments.find(run.establishmentId())
                .orElseThrow(() -> new NotFoundException("checklist run", runId));
        if (!access.canRead(caller, establishment)) {
            throw new NotFoundException("checklist run", runId);
        }
        return run;
    }

    public Page<ChecklistRun> list(Caller caller, String establishmentId, RunSource source, ChecklistRun.State state,
                                   PageQuery page) {
        Query query = new Query();
        Criteria scope = access.listScope(caller);
        if (scope != null) {
            query.addCriteria(new Criteria().andOperator(scope)); // under $and: a filter on the same field may follow
        }
        if (establishmentId != null) {
            query.addCriteria(Criteria.where("establishmentId").is(establishmentId));
        }
        if (source != null) {
            query.addCriteria(Criteria.where("source").is(source));
        }
        if (state != null) {
            query.addCriteria(Criteria.where("state").is(state));
        }
        return store.page(query, page.pageable());
    }

    /**
     * Self-checks are the establishment's own (its officer, or the city admin); patrols are inspectors' and town
     * officers' of the establishment's town; third-party inspections are firms'.
     */
    private static void requireMayCheck(Caller caller, KnownEstablishment establishment, RunSource source) {
        if (caller.has(Roles.CITY_ADMIN)) {
            return;
        }
        boolean allowed = switch (source) {
            case ENTERPRISE_SELF_CHECK -> caller.has(Roles.ENTERPRISE_OFFICER)
                    && establishment.id().equals(caller.establishmentId());
            case GRID_PATROL -> caller.has(Roles.INSPECTOR)
                    || caller.has(Roles.TOWN_OFFICER) && establishment.townId().equals(caller.townId());
            case THIRD_PARTY -> caller.has(Roles.THIRD_PARTY_FIRM);
        };
        if (!allowed) {
            throw new ForbiddenException("your role does not run " + source + " checks of establishment "
                    + establishment.id());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        CollectionIndexes checklistRunIndexes() {
            return CollectionIndexes.of(COLLECTION, CollectionIndexes.on("establishmentId", "startedAt"),
                    CollectionIndexes.on("townId", "startedAt"), CollectionIndexes.on("departmentId", "startedAt"),
                    CollectionIndexes.on("source", "startedAt"), CollectionIndexes.on("state", "startedAt"),
                    CollectionIndexes.on("startedAt"));
        }

        @Bean
        CollectionIndexes checklistPhotoIndexes() {
            return CollectionIndexes.of(PHOTOS, CollectionIndexes.on("runId"));
        }
    }
}
