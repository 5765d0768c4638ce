package org.liuhua.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scale data generator: {@code bench.scale.hazards} hazards (default 100,000; the documented province-size run:
 * 1,000,000) over {@code bench.scale.establishments} establishments (default a tenth of the hazards) with skewed,
 * realistic distributions of towns, industries, sources, states, severities and months, loaded in minutes: the
 * hazard aggregates are bulk-inserted into hazard-service's store and their events appended to {@code liuhua.hazard},
 * from which reporting-service's consumers build the read models as for any event.
 *
 * <p>Same shape as through the API, by construction: one hazard is reported through {@code POST /api/v1/hazards}
 * first (the template); its stored document — written by hazard-service's own {@code AggregateStore} and mapping —
 * and its {@code reported} event as the relay published it are read back, and every generated hazard is a copy of them
 * with only the fields that differ between hazards replaced ({@link #FIELDS}). So the document has exactly the fields,
 * types and nesting hazard-service writes ({@code version}, {@code versionKey} = {@code <id>#<version>}, an empty
 * {@code outbox}, the hash-chained history), and the event exactly the payload and CloudEvents headers it publishes.
 * {@link #copyOf} is checked by {@code ScaleDataTest}. The later steps of a hazard's loop (transferred, rectified,
 * closed) are the template's event with its state and type changed, as scenario e appends them. The history keeps
 * the template's entry (its hash covers its time), so a copy's history says "reported" at the template's time while
 * its {@code reportedAt} lies in its month.
 */
final class ScaleData {

    /** The fields of a hazard document that differ from one hazard to the next; everything else is the template's. */
    static final List<String> FIELDS = List.of("_id", "versionKey", "sourceKey", "sourceRef", "establishmentId",
            "townId", "departmentId", "industry", "source", "severity", "state", "reportedAt", "foundAt", "closedAt",
            "revision", "version");

    static final String[] TOWNS = {"zjg-yangshe", "zjg-tangqiao", "zjg-jinfeng", "zjg-leyu", "zjg-fenghuang",
            "zjg-nanfeng", "zjg-daxin", "zjg-jingang", "zjg-houcheng", "zjg-deji", "zjg-etdz", "zjg-bonded",
            "zjg-htz", "zjg-metallurgy", "zjg-changyinsha", "zjg-shuangshan"};
    static final String[] INDUSTRIES = {"MACHINERY", "TRADE", "TEXTILE", "CHEMICAL", "METALLURGY", "CONSTRUCTION",
            "LOGISTICS", "FOOD"};
    static final String[] SOURCES = {"GRID_PATROL", "ENTERPRISE_SELF_CHECK", "THIRD_PARTY", "LAW_ENFORCEMENT",
            "SUPERIOR_INSPECTION", "PUBLIC_REPORT", "SENSOR"};
    static final double[] SOURCE_WEIGHTS = {40, 30, 15, 8, 3, 3, 1};
    static final String[] STEPS = {"reported", "transferred", "rectified", "closed"};
    static final String[] STATES = {"REPORTED", "TRANSFERRED", "REVIEW", "CLOSED"};
    /** How far each hazard got: 55 % closed, the rest open at one of the earlier steps. */
    static final double[] STEP_WEIGHTS = {15, 20, 10, 55};

    /** One generated hazard: what differs from the template. */
    record Spec(String id, int n, String establishmentId, String townId, String departmentId, String industry,
                String source, String severity, int steps, Instant reportedAt) {

        String state() {
            return STATES[steps - 1];
        }
    }

    private ScaleData() {
    }

    /** The spec of hazard {@code n} (deterministic for a seed): towns, industries and establishments skewed. */
    static Spec spec(Random random, String run, int n, int establishments, Instant now) {
        int establishment = zipf(random, establishments, 0.6);
        // an establishment stays in one town and industry
        String town = TOWNS[Math.min(TOWNS.length - 1, zipfIndex(establishment, TOWNS.length))];
        String industry = INDUSTRIES[Math.floorMod(establishment * 31 + 7, 97) % INDUSTRIES.length];
        String source = SOURCES[weighted(random, SOURCE_WEIGHTS)];
        int steps = weighted(random, STEP_WEIGHTS) + 1;
        // months: the last 12, more in recent ones
        int daysAgo = (int) Math.min(364, Math.floor(-Math.log(1 - random.nextDouble() * 0.95) * 120));
        Instant reportedAt = now.minus(daysAgo, ChronoUnit.DAYS).minusSeconds(random.nextInt(86_400))
                .truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.nameUUIDFromBytes(("bench-scale:" + run + ":" + n).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new Spec(id, n, "est-scale-" + run + "-" + establishment, town,
                "dept-" + Math.floorMod(establishment, 6), industry, source,
                random.nextInt(100) < 3 ? "MAJOR" : "GENERAL", steps, reportedAt);
    }

    /** A stable skew of establishments over towns: lower establishment numbers in the first (bigger) towns. */
    private static int zipfIndex(int establishment, int towns) {
        double u = ((establishment * 2654435761L) & 0xffffffL) / (double) 0x1000000;
        return (int) Math.floor(towns * Math.pow(u, 1.6));
    }

    private static int zipf(Random random, int n, double skew) {
        return (int) Math.floor(n * Math.pow(random.nextDouble(), 1 + skew));
    }

    private static int weighted(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * The template with the fields of {@link #FIELDS} set for {@code spec}; every other field (and its type) is the
     * template's. Version 0 (as written by an insert), its version key, an empty outbox.
     */
    static Document copyOf(Document template, Spec spec) {
        Document copy = new Document(template);
        copy.put("_id", spec.id());
        copy.put("version", template.get("version") instanceof Integer ? (Object) 0 : (Object) 0L);
        copy.put("versionKey", spec.id() + "#0");
        // a keyed report carries its source key (unique); the template's kind of report decides whether there is one
        if (template.containsKey("sourceKey")) {
            copy.put("sourceKey", spec.source() + ":bench-scale:" + spec.id());
        }
        if (template.containsKey("sourceRef")) {
            copy.put("sourceRef", "scale-" + spec.n());
        }
        copy.put("establishmentId", spec.establishmentId());
        copy.put("townId", spec.townId());
        copy.put("departmentId", spec.departmentId());
        copy.put("industry", spec.industry());
        copy.put("source", spec.source());
        copy.put("severity", spec.severity());
        copy.put("state", spec.state());
        copy.put("reportedAt", Date.from(spec.reportedAt()));
        copy.put("foundAt", Date.from(spec.reportedAt()));
        copy.put("revision", template.get("revision") instanceof Integer ? (Object) spec.steps()
                : (Object) (long) spec.steps());
        if (spec.steps() == STEPS.length) {
            copy.put("closedAt", Date.from(spec.reportedAt().plus(3, ChronoUnit.DAYS)));
        } else {
            copy.remove("closedAt");
        }
        copy.put("outbox", List.of());
        return copy;
    }

    /** The template's reported event with the fields of {@code spec} and step {@code step}'s state and type. */
    static ObjectNode eventOf(ObjectNode template, Spec spec, int step) {
        ObjectNode payload = template.deepCopy();
        Instant at = spec.reportedAt().plus(step, ChronoUnit.DAYS);
        payload.put("hazardId", spec.id());
        payload.put("establishmentId", spec.establishmentId());
        payload.put("townId", spec.townId());
        payload.put("departmentId", spec.departmentId());
        payload.put("industry", spec.industry());
        payload.put("source", spec.source());
        payload.put("severity", spec.severity());
        payload.put("state", STATES[step]);
        payload.put("revision", step + 1);
        payload.put("occurredAt", at.toString());
        payload.put("reportedAt", spec.reportedAt().toString());
        if (step == STEPS.length - 1) {
            payload.put("closedAt", at.toString());
        }
        return payload;
    }

    /** The hazard reported through the API whose stored document and event every generated hazard copies. */
    record Template(String id, String establishmentId, Document document, ObjectNode event,
                    Map<String, String> headers) {
    }

    /** Reports the template hazard through the API and reads back its document and its reported event. */
    static Template template(Bench bench) {
        Http api = bench.direct("hazard-service", bench.cityAdmin);
        Http.Response created = api.post("/api/v1/hazards", bench.newHazard("scale-template", 0));
        if (created.status() != 201) {
            bench.table.anomaly("s. the template hazard was not created: %s", created);
            return null;
        }
        bench.hazardsCreated.incrementAndGet();
        String templateId = created.json().path("id").asString();
        ConsumerRecord<String, byte[]> event = reportedEvent(bench.platform.kafka().bootstrapServers(), templateId,
                Duration.ofSeconds(30));
        if (event == null) {
            bench.table.anomaly("s. the template's reported event (hazard %s) was not found on liuhua.hazard",
                    templateId);
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : event.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        try (MongoClient client = MongoClients.create(bench.platform.mongo().uri("hazard"))) {
            Document document = client.getDatabase("hazard").getCollection("hazards")
                    .find(Filters.eq("_id", templateId)).first();
            if (document == null) {
                bench.table.anomaly("s. the template hazard %s is not in the store", templateId);
                return null;
            }
            return new Template(templateId, document.getString("establishmentId"), document,
                    (ObjectNode) Http.JSON.readTree(event.value()), headers);
        }
    }

    /** Loads the scale data; answers how many events were appended (each hazard is counted by the overview). */
    static long load(Bench bench, Template t, int hazards, int establishments) {
        String bootstrap = bench.platform.kafka().bootstrapServers();
        Document template = t.document();
        ObjectNode templateEvent = t.event();
        Map<String, String> headers = t.headers();
        String reportedType = headers.get("ce_type");
        try (MongoClient client = MongoClients.create(bench.platform.mongo().uri("hazard"))) {
            MongoCollection<Document> store = client.getDatabase("hazard").getCollection("hazards");
            MongoCollection<Document> members = client.getDatabase("hazard").getCollection(MEMBERS);
            Random random = new Random(2026);
            Instant now = Instant.now();
            String run = bench.runId;
            long started = System.nanoTime();
            long events = 0;
            Map<String, Object> producerConfig = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "acks", "all",
                    "linger.ms", 20, "batch.size", 262_144, "enable.idempotence", true,
                    "compression.type", "none"));
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                    new ByteArraySerializer())) {
                List<Document> batch = new ArrayList<>(1000);
                List<Future<?>> sent = new ArrayList<>();
                for (int n = 0; n < hazards; n++) {
                    Spec spec = spec(random, run, n, establishments, now);
                    batch.add(copyOf(template, spec));
                    for (int k = 0; k < spec.steps(); k++) {
                        int step = k;
                        ProducerRecord<String, byte[]> record = new ProducerRecord<>("liuhua.hazard", spec.id(),
                                Http.JSON.writeValueAsBytes(eventOf(templateEvent, spec, step)));
                        Instant at = spec.reportedAt().plus(step, ChronoUnit.DAYS);
                        headers.forEach((name, value) -> {
                            String v = switch (name) {
                                case "ce_id" -> UUID.randomUUID().toString();
                                case "ce_type" -> reportedType.replace(".reported.", "." + STEPS[step] + ".");
                                case "ce_subject" -> spec.id();
                                case "ce_time" -> at.toString();
                                default -> value;
                            };
                            record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8)));
                        });
                        sent.add(producer.send(record));
                        events++;
                    }
                    if (batch.size() == 1000) {
                        insert(store, members, batch);
                        if (n < 1000) {
                            compareWithTemplate(bench, store, template, batch.get(0).getString("_id"));
                        }
                        batch.clear();
                        await(sent);
                    }
                    if ((n + 1) % 50_000 == 0) {
                        Bench.log(String.format(java.util.Locale.ROOT, "s. %d of %d hazards written (%.0f s)",
                                n + 1, hazards, (System.nanoTime() - started) / 1e9));
                    }
                }
                if (!batch.isEmpty()) {
                    insert(store, members, batch);
                }
                await(sent);
            }
            long took = System.nanoTime() - started;
            bench.hazardsCreated.addAndGet(hazards);
            bench.table.note("s. generated %d hazards over %d establishments (16 towns, 8 industries, 7 sources, 4 "
                    + "states, 12 months): documents inserted and %d events appended in %s (%.0f hazards/s)",
                    hazards, establishments, events, Bench.seconds(took), hazards / (took / 1e9));
            return events;
        }
    }

    /** hazard-service's membership of hazards in their establishment's ledger (its {@code EstablishmentHazards}). */
    static final String MEMBERS = "establishment_hazards";

    /**
     * Writes a batch as hazard-service's {@code HazardStore.insert} writes each hazard: first the ids into their
     * establishments' membership (one {@code $addToSet} per establishment of the batch), then the documents.
     */
    private static void insert(MongoCollection<Document> store, MongoCollection<Document> members,
                               List<Document> batch) {
        Map<String, List<String>> byEstablishment = new java.util.LinkedHashMap<>();
        for (Document hazard : batch) {
            byEstablishment.computeIfAbsent(hazard.getString("establishmentId"), e -> new ArrayList<>())
                    .add(hazard.getString("_id"));
        }
        List<com.mongodb.client.model.UpdateOneModel<Document>> joins = new ArrayList<>();
        byEstablishment.forEach((establishment, ids) -> joins.add(new com.mongodb.client.model.UpdateOneModel<>(
                Filters.eq("_id", establishment), com.mongodb.client.model.Updates.addEachToSet("hazardIds", ids),
                new com.mongodb.client.model.UpdateOptions().upsert(true))));
        members.bulkWrite(joins, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        store.insertMany(batch);
    }

    /** Reads a generated document back and compares its fields and their types with the API-created template's. */
    private static void compareWithTemplate(Bench bench, MongoCollection<Document> store, Document template,
                                            String id) {
        Document generated = store.find(Filters.eq("_id", id)).first();
        List<String> differences = new ArrayList<>();
        java.util.Set<String> fields = new java.util.TreeSet<>(template.keySet());
        fields.addAll(generated == null ? List.of() : generated.keySet());
        List<String> added = new ArrayList<>();
        for (String field : fields) {
            Object a = template.get(field);
            Object b = generated == null ? null : generated.get(field);
            if (a == null && b != null && FIELDS.contains(field)) {
                // the template's establishment is unknown to hazard-service (no department, no industry), the
                // generated ones are known; a closed one has its closing time
                added.add(field);
                continue;
            }
            if (a == null || b == null || !bsonType(a).equals(bsonType(b))) {
                differences.add(field);
            }
        }
        if (differences.isEmpty()) {
            bench.table.note("s. a generated hazard read back from the store has the fields and types of the "
                    + "API-created template (%d fields)%s", template.size(), added.isEmpty() ? ""
                    : ", and " + added + " that a hazard of an establishment hazard-service knows carries");
        } else {
            bench.table.anomaly("s. a generated hazard differs from the API-created template in %s", differences);
        }
    }

    private static Object bsonType(Object value) {
        return value instanceof List<?> ? "array" : value instanceof Map<?, ?> ? "document" : value.getClass();
    }

    private static void await(List<Future<?>> sent) {
        for (Future<?> ack : sent) {
            try {
                ack.get();
            } catch (Exception e) {
                throw new IllegalStateException("append failed", e);
            }
        }
        sent.clear();
    }

    /** The template's reported event as the relay published it (read from the last records of the topic). */
    private static ConsumerRecord<String, byte[]> reportedEvent(String bootstrap, String id, Duration limit) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "enable.auto.commit", false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor("liuhua.hazard")) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.assign(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    consumer.seek(partition, Math.max(0, ends.get(partition) - 500));
                }
                long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (System.nanoTime() < until) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (id.equals(record.key())) {
                            return record;
                        }
                    }
                }
            }
            return null;
        }
    }
}
