package org.liuhua.hazard.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.evidence.EvidenceFiles;
import org.liuhua.hazard.firm.Contracts;
import org.liuhua.hazard.firm.Coverage;
import org.liuhua.hazard.firm.FirmQuality;
import org.liuhua.hazard.loop.Actors;
import org.liuhua.hazard.loop.Deadlines;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.Finding;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Takes a firm's batch: validates each item on its own (a bad item is REJECTED with field errors, the good ones are
 * kept), refuses establishments the firm holds no valid contract for, and enters the rest into the one ledger where
 * a repeated {@code externalId} is a DUPLICATE and a match with an open hazard JOINS it. With an
 * {@code Idempotency-Key} the first answer is stored and returned again for a retried batch.
 */
@Service
public class FirmBatches {

    /** The first answer of each batch pushed with an {@code Idempotency-Key}, by {@code <firm>:<key>}. */
    static final String BATCHES = "intake_batches";
    /** The photos one finding may carry. */
    public static final int MAX_PHOTOS = 10;

    private final Intake intake;
    private final Contracts contracts;
    private final FirmQuality quality;
    private final MongoTemplate mongo;
    private final HazardProperties properties;
    private final CityCalendar calendar;
    private final Deadlines deadlines;
    private final EvidenceFiles evidence;

    FirmBatches(Intake intake, Contracts contracts, FirmQuality quality, MongoTemplate mongo,
                HazardProperties properties, CityCalendar calendar, Deadlines deadlines, EvidenceFiles evidence) {
        this.deadlines = deadlines;
        this.evidence = evidence;
        this.intake = intake;
        this.contracts = contracts;
        this.quality = quality;
        this.mongo = mongo;
        this.properties = properties;
        this.calendar = calendar;
    }

    public record ItemResult(int index, String externalId, String status, String hazardId, List<FieldProblem> errors) {
    }

    public record BatchResult(String firmId, int received, long created, long joined, long duplicates, long rejected,
                              List<ItemResult> items) {
    }

    public BatchResult push(Caller caller, List<?> items, String idempotencyKey) {
        String firm = AccessPolicy.firmOf(caller);
        if (items == null) {
            throw new InvalidInputException("findings", "a list of findings is required");
        }
        if (items.size() > properties.intakeBatchMax()) {
            throw new InvalidInputException("findings", "at most " + properties.intakeBatchMax()
                    + " findings per batch, got " + items.size());
        }
        if (idempotencyKey != null && idempotencyKey.length() > 128) {
            throw new InvalidInputException("Idempotency-Key", "at most 128 characters");
        }
        String batchId = idempotencyKey == null ? null : firm + ":" + idempotencyKey;
        String requestHash = sha256(EventJson.write(items));
        if (batchId != null) {
            Document stored = mongo.findById(batchId, Document.class, BATCHES);
            if (stored != null) {
                return replay(stored, requestHash);
            }
        }
        Instant now = calendar.now();
        Coverage coverage = contracts.coverage(firm);
        String photoOwner = EvidenceFiles.firmOwner(firm);
        ItemResult[] results = new ItemResult[items.size()];
        List<Finding> accepted = new ArrayList<>();
        List<Integer> acceptedIndex = new ArrayList<>();
        List<List<String>> acceptedPhotos = new ArrayList<>();
        java.util.Set<String> batchPhotos = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Object raw = items.get(i);
            List<FieldProblem> errors = new ArrayList<>();
            Map<?, ?> item = raw instanceof Map<?, ?> m ? m : Map.of();
            if (!(raw instanceof Map<?, ?>)) {
                errors.add(new FieldProblem("findings[" + i + "]", "must be an object"));
            }
            String externalId = text(item, "externalId", 128, true, i, errors);
            String establishmentId = text(item, "establishmentId", 64, true, i, errors);
            String category = text(item, "category", 64, true, i, errors);
            String description = text(item, "description", 2000, true, i, errors);
            String townId = text(item, "townId", 64, false, i, errors);
            String severityText = text(item, "severity", 16, false, i, errors);
            Severity severity = Severity.GENERAL;
            if (severityText != null) {
                Optional<Severity> named = Arrays.stream(Severity.values())
                        .filter(s -> s.name().equals(severityText)).findFirst();
                if (named.isEmpty()) {
                    errors.add(new FieldProblem("findings[" + i + "].severity", "GENERAL or MAJOR"));
                }
                severity = named.orElse(Severity.GENERAL);
            }
            Instant foundAt = null;
            String foundText = text(item, "foundAt", 40, false, i, errors);
            if (foundText != null) {
                try {
                    foundAt = Instant.parse(foundText);
                    if (foundAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
                        errors.add(new FieldProblem("findings[" + i + "].foundAt", "lies in the future"));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new FieldProblem("findings[" + i + "].foundAt", "an ISO-8601 instant, e.g. "
                            + "2026-11-20T08:30:00Z"));
                }
            }
            LocalDate deadline = null;
            String deadlineText = text(item, "deadline", 10, false, i, errors);
            if (deadlineText != null) {
                try {
                    deadline = LocalDate.parse(deadlineText);
                    String problem = deadlines.problemWithDue(deadline);
                    if (problem != null) {
                        errors.add(new FieldProblem("findings[" + i + "].deadline", problem));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new FieldProblem("findings[" + i + "].deadline", "a date, e.g. 2026-12-31"));
                }
            }
            Site site = establishmentId == null ? null : intake.site(establishmentId, townId);
            if (site != null && !coverage.covers(establishmentId, site.known() ? site.townId() : null,
                    site.unitId())) {
                errors.add(new FieldProblem("findings[" + i + "].establishmentId",
                        "your firm holds no valid contract for " + establishmentId));
            }
            List<String> photoIds = photoIds(item, i, photoOwner, batchPhotos, errors);
            if (site != null && site.contradicts(townId)) {
                errors.add(new FieldProblem("findings[" + i + "].townId", "establishment " + establishmentId
                        + " is in town " + site.townId()));
            }
            if (site != null && !site.known() && townId == null && errors.isEmpty()) {
                errors.add(new FieldProblem("findings[" + i + "].townId",
                        "the establishment is not known here yet: give its townId"));
            }
            if (!errors.isEmpty()) {
                results[i] = new ItemResult(i, externalId, "REJECTED", null, errors);
                continue;
            }
            accepted.add(site.finding(category, severity, HazardSource.THIRD_PARTY, externalId,
                    "THIRD_PARTY:" + firm + ":" + externalId, firm, description, deadline,
                    foundAt == null ? now : foundAt));
            acceptedIndex.add(i);
            acceptedPhotos.add(photoIds);
        }
        Actor actor = Actors.of(caller);
        List<Outcome> outcomes = intake.ingestAll(accepted, actor);
        List<Document> delays = new ArrayList<>();
        for (int k = 0; k < outcomes.size(); k++) {
            Outcome o = outcomes.get(k);
            Finding f = accepted.get(k);
            int i = acceptedIndex.get(k);
            results[i] = new ItemResult(i, f.sourceRef(), o.kind().name(), o.hazardId(), List.of());
            if (!acceptedPhotos.get(k).isEmpty() && o.hazardId() != null) {
                evidence.attach(o.hazardId(), acceptedPhotos.get(k), photoOwner, actor);
            }
            if (o.kind() != Outcome.Kind.DUPLICATE) {
                delays.add(new Document("_id", f.sourceKey()).append("delaySeconds",
                        Math.max(0, Duration.between(f.foundAt(), now).toSeconds())));
            }
        }
        List<ItemResult> all = List.of(results);
        long created = all.stream().filter(r -> r.status().equals("CREATED")).count();
        long joined = all.stream().filter(r -> r.status().equals("JOINED")).count();
        long duplicates = all.stream().filter(r -> r.status().equals("DUPLICATE")).count();
        long rejected = all.stream().filter(r -> r.status().equals("REJECTED")).count();
        quality.count(firm, created + joined, rejected, duplicates);
        quality.pushDelays(firm, delays);
        BatchResult result = new BatchResult(firm, items.size(), created, joined, duplicates, rejected, all);
        if (batchId != null) {
            try {
                mongo.insert(new Document("_id", batchId).append("firmId", firm).append("at", Date.from(now))
                        .append("requestHash", requestHash).append("result", EventJson.write(result)), BATCHES);
            } catch (DuplicateKeyException concurrentRetry) {
                return replay(mongo.findById(batchId, Document.class, BATCHES), requestHash);
            }
        }
        return result;
    }

    /** The first answer for a retried batch; the same key with a different batch is a client error (409). */
    private static BatchResult replay(Document stored, String requestHash) {
        if (!requestHash.equals(stored.getString("requestHash"))) {
            throw new ConflictException("this Idempotency-Key was already used for a different batch; use a new key",
                    null, List.of());
        }
        return EventJson.read(stored.getString("result"), BatchResult.class);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The item's {@code photoIds}: at most {@link #MAX_PHOTOS}, each a pending photo the firm uploaded (else an error
     * naming {@code findings[i].photoIds[j]}).
     */
    private List<String> photoIds(Map<?, ?> item, int index, String owner, java.util.Set<String> batchPhotos,
                                  List<FieldProblem> errors) {
        Object value = item.get("photoIds");
        String path = "findings[" + index + "].photoIds";
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            errors.add(new FieldProblem(path, "must be a list of photo ids"));
            return List.of();
        }
        if (list.size() > MAX_PHOTOS) {
            errors.add(new FieldProblem(path, "at most " + MAX_PHOTOS + " photos per finding"));
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < list.size(); j++) {
            if (list.get(j) instanceof String id) {
                ids.add(id);
            } else {
                errors.add(new FieldProblem(path + "[" + j + "]", "must be a photo id (a string)"));
                ids.add(null);
            }
        }
        Map<Integer, String> problems = evidence.problemsOf(ids, owner);
        for (int j = 0; j < ids.size(); j++) {
            String id = ids.get(j);
            if (id == null) {
                continue;
            }
            if (problems.containsKey(j)) {
                errors.add(new FieldProblem(path + "[" + j + "]", problems.get(j)));
            } else if (batchPhotos.contains(id)) {
                errors.add(new FieldProblem(path + "[" + j + "]", "photo " + id
                        + " belongs to an earlier finding of this batch"));
            }
        }
        batchPhotos.addAll(ids.stream().filter(java.util.Objects::nonNull).toList());
        return ids;
    }

    private static String text(Map<?, ?> item, String field, int max, boolean required, int index,
                               List<FieldProblem> errors) {
        return BatchItemFields.text(item, "findings", field, max, required, index, errors);
    }
}
