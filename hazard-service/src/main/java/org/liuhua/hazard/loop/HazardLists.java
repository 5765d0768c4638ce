package org.liuhua.hazard.loop;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.liuhua.hazard.loop.domain.Hazard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The hazard lists pre-shaped for reads by {@code _id} (ADR 13): on the MongoDB stand-in every filter other than
 * {@code _id} scans {@code hazards}, whose documents carry histories and outboxes, so a list page cost what the whole
 * collection cost. Summary rows of the hazards are kept in
 * <ul>
 *   <li>{@code hazard_ledgers}: one document per establishment ({@code _id} = establishmentId) holding every hazard's
 *   row (an establishment has at most hundreds): the ledger and the list of one establishment are one read;</li>
 *   <li>{@code hazard_list_days}: per scope ({@code city}, {@code town:<t>}, {@code department:<d>}: the hazards
 *   owned by or transferred to it) and reporting day (UTC) one bucket {@code <scope>#<yyyy-MM-dd>} of rows;</li>
 *   <li>{@code hazard_list_months}: per scope and month ({@code <scope>#<yyyy-MM>}) the number of rows of each day by
 *   state, source, severity, overdue and (department scopes) owned or transferred — the totals and the day a page
 *   starts in, without reading the rows;</li>
 *   <li>{@code hazard_list_scopes}: per scope the months it has rows in.</li>
 * </ul>
 * Every row carries the hazard's {@code revision}; a row is replaced only by a newer one, so a stale or repeated
 * update changes nothing. Each document is written read-modify-write, guarded by its unique {@code versionKey}
 * (ADR 11). The rows are written after each write of a hazard ({@link HazardStore}), repaired from the service's own
 * events ({@code loop.messaging.HazardListsListener}) and rebuilt from {@code hazards} at start-up when they were
 * never built. A ledger row stays {@code pending} until the buckets hold it, and remembers every scope it was
 * {@code placed} in, so a hazard that left a scope (a transfer rerouted) leaves a tombstone there.
 */
@Component
public class HazardLists {

    static final String LEDGERS = "hazard_ledgers";
    static final String DAYS = "hazard_list_days";
    static final String MONTHS = "hazard_list_months";
    static final String SCOPES = "hazard_list_scopes";
    static final String STATE = "hazard_list_state";
    static final String VERSION = "version";
    static final String VERSION_KEY = "versionKey";
    static final String CITY = "city";
    /** The ledger of hazards without an establishment (no establishment id can equal it: the filter is tested too). */
    static final String NO_ESTABLISHMENT = "(none)";
    static final int ATTEMPTS = 16;
    static final int REBUILD_BATCH = 500;
    static final java.time.Duration DOCUMENT_WAIT = java.time.Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(HazardLists.class);
    private static final String[] SUMMARY_FIELDS = HazardSummary.fields();

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile boolean ready;

    HazardLists(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- writing

    /** The fields of a stored hazard a row is made of (the projection of a repair and of the rebuild). */
    static Query rowSource(Criteria criteria) {
        Query query = new Query(criteria);
        query.fields().include(SUMMARY_FIELDS).include("reporterInspectorId", "corroborations.source");
        return query;
    }

    /** After a write of the hazard: its rows; a failure is logged, the consumer of its events repairs it. */
    void written(Hazard hazard) {
        try {
            Document stored = new Document();
            mongo.getConverter().write(hazard, stored);
            apply(List.of(stored));
        } catch (RuntimeException e) {
            log.warn("the list rows of hazard {} were not written; its events repair them: {}", hazard.aggregateId(),
                    e.toString());
        }
    }

    /** An event's claim: the hazard's rows should be at least at {@code revision}. */
    public record Due(String hazardId, String establishmentId, long revision) {
    }

    /**
     * Brings the rows of the hazards of a batch of events up to the events' revisions: nothing for a hazard whose
     * ledger row is as new and placed (the ledgers are read by {@code _id $in}); the others' stored documents are read
     * by {@code _id $in} and applied together (a bucket or month document is written once per batch).
     */
    public void repair(List<Due> events) {
        Map<String, Long> newest = new LinkedHashMap<>();
        Map<String, String> ledgerOf = new HashMap<>();
        for (Due due : events) {
            newest.merge(due.hazardId(), due.revision(), Math::max);
            ledgerOf.put(due.hazardId(), due.establishmentId() == null ? NO_ESTABLISHMENT : due.establishmentId());
        }
        Map<String, Document> ledgers = new HashMap<>();
        for (Document ledger : mongo.find(new Query(Criteria.where("_id").in(new LinkedHashSet<>(ledgerOf.values()))),
                Document.class, LEDGERS)) {
            ledgers.put(ledger.getString("_id"), ledger.get("rows", Document.class));
        }
        List<String> due = new ArrayList<>();
        newest.forEach((hazardId, revision) -> {
            Document rows = ledgers.get(ledgerOf.get(hazardId));
            Document row = rows == null ? null : rows.get(hazardId, Document.class);
            if (row == null || revision(row) < revision || row.containsKey("pending")) {
                due.add(hazardId);
            }
        });
        if (!due.isEmpty()) {
            apply(stored(due));
        }
    }

    /**
     * The stored hazards of events, waiting a bounded time for those not stored yet: bulk loads (benchmarks'
     * {@code ScaleData}) append the events of a batch before they insert its documents.
     */
    private List<Document> stored(List<String> hazardIds) {
        List<Document> found = new ArrayList<>();
        List<String> missing = hazardIds;
        long deadline = System.nanoTime() + DOCUMENT_WAIT.toNanos();
        while (true) {
            Set<String> got = new java.util.HashSet<>();
            for (Document hazard : mongo.find(rowSource(Criteria.where("_id").in(missing)), Document.class,
                    HazardStore.COLLECTION)) {
                found.add(hazard);
                got.add(hazard.getString("_id"));
            }
            missing = missing.stream().filter(id -> !got.contains(id)).toList();
            if (missing.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!missing.isEmpty()) {
            log.warn("no document of hazards {} within {}; their rows follow their next event", missing,
                    DOCUMENT_WAIT);
        }
        return found;
    }

    /** Writes the rows of stored hazards (documents or their {@link #rowSource} projection) where they are newer. */
    void apply(List<Document> hazards) {
        Map<String, List<Document>> byLedger = new LinkedHashMap<>();
        for (Document hazard : hazards) {
            Document row = rowOf(hazard);
            byLedger.computeIfAbsent(ledgerId(row), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<Document>> byBucket = new LinkedHashMap<>();
        Map<String, Map<String, Long>> placedByLedger = new LinkedHashMap<>();
        for (Map.Entry<String, List<Document>> ledger : byLedger.entrySet()) {
            for (Placement p : register(ledger.getKey(), ledger.getValue())) {
                placedByLedger.computeIfAbsent(ledger.getKey(), k -> new LinkedHashMap<>())
                        .put(p.row().getString("_id"), revision(p.row()));
                LocalDate day = day(p.row());
                if (day == null) {
                    continue;
                }
                Set<String> current = Set.copyOf(scopesOf(p.row()));
                for (String scope : p.placed()) {
                    Document entry = current.contains(scope) ? p.row()
                            : new Document("_id", p.row().getString("_id")).append("revision", revision(p.row()))
                            .append("gone", true);
                    byBucket.computeIfAbsent(scope + "#" + day, k -> new ArrayList<>()).add(entry);
                }
            }
        }
        Map<String, Map<String, Document>> byMonth = new LinkedHashMap<>();
        for (Map.Entry<String, List<Document>> bucket : byBucket.entrySet()) {
            Document written = putRows(bucket.getKey(), bucket.getValue());
            String id = bucket.getKey();
            int hash = id.lastIndexOf('#');
            String month = id.substring(0, hash) + "#" + id.substring(hash + 1, hash + 8);
            byMonth.computeIfAbsent(month, k -> new TreeMap<>()).put(id.substring(hash + 9), written);
        }
        byMonth.forEach(this::count);
        placedByLedger.forEach(this::placed);
    }

    /** A row to place in the buckets of {@code placed} (a tombstone in those it is no longer in). */
    private record Placement(Document row, Set<String> placed) {
    }

    /** Enters the newer rows in their ledger as pending; answers the rows whose buckets are to be written. */
    private List<Placement> register(String ledgerId, List<Document> rows) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(ledgerId, Document.class, LEDGERS);
            Document entries = new Document(stored == null ? Map.of() : stored.get("rows", Document.class));
            List<Placement> placements = new ArrayList<>();
            boolean changed = false;
            for (Document row : rows) {
                String id = row.getString("_id");
                Document previous = entries.get(id, Document.class);
                long revision = revision(row);
                if (previous != null && (revision(previous) > revision
                        || revision(previous) == revision && !previous.containsKey("pending"))) {
                    continue;
                }
                Set<String> placed = new LinkedHashSet<>(previous == null ? List.of()
                        : previous.getList("placed", String.class, List.of()));
                placed.addAll(scopesOf(row));
                placements.add(new Placement(row, placed));
                if (previous != null && revision(previous) == revision) {
                    continue;
                }
                Document entry = new Document(row);
                entry.put("placed", List.copyOf(placed));
                entry.put("pending", true);
                entries.put(id, entry);
                changed = true;
            }
            if (!changed || write(LEDGERS, ledgerId, stored, new Document("rows", entries))) {
                return placements;
            }
        }
        throw new IllegalStateException("ledger " + ledgerId + " kept changing under the write");
    }

    /** The rows are in their buckets: the ledger rows of these revisions are no longer pending. */
    private void placed(String ledgerId, Map<String, Long> revisions) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(ledgerId, Document.class, LEDGERS);
            if (stored == null) {
                return;
            }
            Document entries = new Document(stored.get("rows", Document.class));
            boolean changed = false;
            for (Map.Entry<String, Long> placed : revisions.entrySet()) {
                Document entry = entries.get(placed.getKey(), Document.class);
                if (entry != null && entry.containsKey("pending") && revision(entry) == placed.getValue()) {
                    entry = new Document(entry);
                    entry.remove("pending");
                    entries.put(placed.getKey(), entry);
                    changed = true;
                }
            }
            if (!changed || write(LEDGERS, ledgerId, stored, new Document("rows", entries))) {
                return;
            }
        }
        throw new IllegalStateException("ledger " + ledgerId + " kept changing under the write");
    }

    /** Puts the newer of the rows into a day bucket; answers the bucket as stored afterwards. */
    private Document putRows(String bucketId, List<Document> rows) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(bucketId, Document.class, DAYS);
            Document entries = new Document(stored == null ? Map.of() : stored.get("rows", Document.class));
            boolean changed = false;
            for (Document row : rows) {
                Document previous = entries.get(row.getString("_id"), Document.class);
                if (previous == null || revision(previous) < revision(row)) {
                    entries.put(row.getString("_id"), row);
                    changed = true;
                }
            }
            if (!changed) {
                return stored;
            }
            Document next = next(bucketId, stored, new Document("rows", entries));
            if (write(DAYS, stored, next)) {
                return next;
            }
        }
        throw new IllegalStateException("list bucket " + bucketId + " kept changing under the write");
    }

    /** Counts the rows of the written day buckets of one scope's month, where the counts are older than a bucket. */
    private void count(String monthId, Map<String, Document> buckets) {
        String scope = monthId.substring(0, monthId.lastIndexOf('#'));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(monthId, Document.class, MONTHS);
            if (stored == null) {
                // listed first: a month listed but never counted is skipped by the reads
                mongo.upsert(new Query(Criteria.where("_id").is(scope)),
                        new Update().addToSet("months", monthId.substring(monthId.lastIndexOf('#') + 1)), SCOPES);
            }
            Document days = new Document(stored == null ? Map.of() : stored.get("days", Document.class));
            boolean changed = false;
            for (Map.Entry<String, Document> bucket : buckets.entrySet()) {
                if (bucket.getValue() == null) {
                    continue;
                }
                long version = ((Number) bucket.getValue().get(VERSION)).longValue();
                Document previous = days.get(bucket.getKey(), Document.class);
                if (previous != null && ((Number) previous.get("v")).longValue() >= version) {
                    continue;
                }
                days.put(bucket.getKey(), new Document("v", version).append("n",
                        combinations(scope, bucket.getValue().get("rows", Document.class))));
                changed = true;
            }
            if (!changed || write(MONTHS, monthId, stored, new Document("days", days))) {
                return;
            }
        }
        throw new IllegalStateException("list month " + monthId + " kept changing under the write");
    }

    private boolean write(String collection, String id, Document stored, Document fields) {
        return write(collection, stored, next(id, stored, fields));
    }

    private static Document next(String id, Document stored, Document fields) {
        long version = stored == null ? 0 : ((Number) stored.get(VERSION)).longValue() + 1;
        Document next = new Document("_id", id);
        next.putAll(fields);
        next.put(VERSION, version);
        next.put(VERSION_KEY, id + "#" + version);
        return next;
    }

    /** Inserts, or replaces the stored version (guarded by its unique key); false when another write came first. */
    private boolean write(String collection, Document stored, Document next) {
        if (stored == null) {
            try {
                mongo.insert(next, collection);
                return true;
            } catch (DuplicateKeyException anotherWriterCameFirst) {
                return false;
            }
        }
        return mongo.getCollection(collection).replaceOne(Filters.eq(VERSION_KEY, stored.getString(VERSION_KEY)),
                next).getMatchedCount() > 0;
    }

    /** A hazard's list row: its summary's stored fields, the inspector who reported it and its corroborations' sources. */
    static Document rowOf(Document hazard) {
        Document row = new Document();
        for (String field : SUMMARY_FIELDS) {
            if (hazard.containsKey(field)) {
                row.put(field, hazard.get(field));
            }
        }
        if (hazard.get("reporterInspectorId") != null) {
            row.put("reporterInspectorId", hazard.get("reporterInspectorId"));
        }
        List<String> sources = new ArrayList<>();
        for (Object c : hazard.getList("corroborations", Object.class, List.of())) {
            if (c instanceof Document d && d.get("source") != null) {
                sources.add(d.get("source").toString());
            }
        }
        if (!sources.isEmpty()) {
            row.put("corroborationSources", sources);
        }
        return row;
    }

    /** The scopes a row is listed in: the city, its town, its department and the department it was transferred to. */
    static List<String> scopesOf(Document row) {
        List<String> scopes = new ArrayList<>();
        scopes.add(CITY);
        if (row.getString("townId") != null) {
            scopes.add("town:" + row.getString("townId"));
        }
        String department = row.getString("departmentId");
        if (department != null) {
            scopes.add("department:" + department);
        }
        String transferred = row.getString("transferredDepartmentId");
        if (transferred != null && !transferred.equals(department)) {
            scopes.add("department:" + transferred);
        }
        return scopes;
    }

    /** The key a row is counted under in its scope's month: what the bucket path filters by. */
    static String combination(String scope, Document row) {
        String own = scope.startsWith("department:")
                ? scope.substring("department:".length()).equals(row.getString("departmentId")) ? "1" : "0" : "1";
        return row.get("state") + "|" + row.get("source") + "|" + row.get("severity") + "|" + row.get("overdue")
                + "|" + own;
    }

    private static Document combinations(String scope, Document rows) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Object value : rows.values()) {
            Document row = (Document) value;
            if (!row.containsKey("gone")) {
                counts.merge(combination(scope, row), 1, Integer::sum);
            }
        }
        return new Document(counts);
    }

    private static String ledgerId(Document row) {
        String establishment = row.getString("establishmentId");
        return establishment == null ? NO_ESTABLISHMENT : establishment;
    }

    static long revision(Document row) {
        return row.get("revision") instanceof Number n ? n.longValue() : 0;
    }

    private static LocalDate day(Document row) {
        return row.get("reportedAt") instanceof Date d ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null;
    }

    // ---------------------------------------------------------------- rebuilding

    /** Whether the rows were built (at the first start, or since); until then the lists read {@code hazards}. */
    public boolean ready() {
        if (!ready && mongo.exists(new Query(Criteria.where("_id").is("built")), STATE)) {
            ready = true;
        }
        return ready;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildOnce() {
        if (ready()) {
            return;
        }
        Thread builder = new Thread(this::build, "hazard-lists-build");
        builder.setDaemon(true);
        builder.start();
    }

    /**
     * Builds every row from {@code hazards} in one pass (batches of {@value #REBUILD_BATCH}) and marks the lists
     * built; hazards written meanwhile write their own rows (a row is replaced only by a newer one).
     */
    void build() {
        try {
            long started = System.nanoTime();
            long count = 0;
            List<Document> batch = new ArrayList<>(REBUILD_BATCH);
            try (Stream<Document> all = mongo.stream(rowSource(new Criteria()), Document.class,
                    HazardStore.COLLECTION)) {
                for (Document hazard : (Iterable<Document>) all::iterator) {
                    batch.add(hazard);
                    if (batch.size() == REBUILD_BATCH) {
                        apply(batch);
                        count += batch.size();
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                apply(batch);
                count += batch.size();
            }
            mongo.save(new Document("_id", "built").append("at", Date.from(clock.instant())).append("hazards", count),
                    STATE);
            ready = true;
            log.info("hazard lists built from {} hazards in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("the hazard lists were not built (lists read the hazards until the next start): {}", e.toString());
        }
    }

    // ---------------------------------------------------------------- reading

    /** The rows of one establishment's hazards (its ledger document), newest and placed or not. */
    List<Document> ofEstablishment(String establishmentId) {
        Document ledger = mongo.findById(establishmentId, Document.class, LEDGERS);
        if (ledger == null) {
            return List.of();
        }
        List<Document> rows = new ArrayList<>();
        for (Object value : ledger.get("rows", Document.class).values()) {
            rows.add((Document) value);
        }
        return rows;
    }

    /** A page of rows of one scope, newest reported first ({@code _id} breaks ties), and the total. */
    record Slice(List<Document> rows, long total) {
    }

    /**
     * The rows of {@code scope} reported in [{@code from}, {@code to}) that {@code counted} accepts by their
     * combination ({@link #combination}) and {@code matches} by the row itself (the same filter, and the reach),
     * newest first, from {@code offset}. Reads the scope's month counts (one read per scope, one for its months) and
     * only the day buckets the page lies in; a day cut by {@code from}/{@code to} is read to be counted.
     */
    Slice newestFirst(String scope, Predicate<String> counted, Predicate<Document> matches, Instant from, Instant to,
                      long offset, int size) {
        Document scopes = mongo.findById(scope, Document.class, SCOPES);
        List<String> months = scopes == null ? List.of() : scopes.getList("months", String.class, List.of());
        List<String> ids = new ArrayList<>();
        for (String month : months) {
            YearMonth m = YearMonth.parse(month);
            Instant start = m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if ((to == null || start.isBefore(to)) && (from == null || end.isAfter(from))) {
                ids.add(scope + "#" + month);
            }
        }
        if (ids.isEmpty()) {
            return new Slice(List.of(), 0);
        }
        List<String> days = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        for (Document month : mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, MONTHS)) {
            String id = month.getString("_id");
            String prefix = id + "-";
            for (Map.Entry<String, Object> day : month.get("days", Document.class).entrySet()) {
                String bucket = prefix + day.getKey();
                LocalDate date = LocalDate.parse(bucket.substring(bucket.lastIndexOf('#') + 1));
                Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (to != null && !start.isBefore(to) || from != null && !end.isAfter(from)) {
                    continue;
                }
                boolean cut = from != null && start.isBefore(from) || to != null && end.isAfter(to);
                long n = 0;
                if (!cut) {
                    for (Map.Entry<String, Object> c : ((Document) day.getValue()).get("n", Document.class)
                            .entrySet()) {
                        if (counted.test(c.getKey())) {
                            n += ((Number) c.getValue()).longValue();
                        }
                    }
                    if (n == 0) {
                        continue;
                    }
                }
                days.add(bucket);
                counts.put(bucket, cut ? -1 : n);
            }
        }
        days.sort(Comparator.reverseOrder());
        Map<String, List<Document>> read = new HashMap<>();
        long total = 0;
        for (String bucket : days) {
            if (counts.get(bucket) < 0) {
                List<Document> rows = rowsOf(bucket, matches);
                read.put(bucket, rows);
                counts.put(bucket, (long) rows.size());
            }
            total += counts.get(bucket);
        }
        List<Document> page = new ArrayList<>();
        long skip = offset;
        for (String bucket : days) {
            long n = counts.get(bucket);
            if (page.size() >= size) {
                break;
            }
            if (skip >= n) {
                skip -= n;
                continue;
            }
            List<Document> rows = read.containsKey(bucket) ? read.get(bucket) : rowsOf(bucket, matches);
            for (int i = (int) skip; i < rows.size() && page.size() < size; i++) {
                page.add(rows.get(i));
            }
            skip = 0;
        }
        return new Slice(page, total);
    }

    /** The matching rows of a day bucket, newest first ({@code _id} breaks ties). */
    private List<Document> rowsOf(String bucketId, Predicate<Document> matches) {
        Document bucket = mongo.findById(bucketId, Document.class, DAYS);
        List<Document> rows = new ArrayList<>();
        if (bucket != null) {
            for (Object value : bucket.get("rows", Document.class).values()) {
                Document row = (Document) value;
                if (!row.containsKey("gone") && matches.test(row)) {
                    rows.add(row);
                }
            }
        }
        rows.sort(Comparator.comparing((Document r) -> (Date) r.get("reportedAt"), Comparator.reverseOrder())
                .thenComparing(r -> r.getString("_id")));
        return rows;
    }
}
