package org.liuhua.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liuhua.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.deploy.Kustomize.maps;
import static org.liuhua.deploy.Rendered.at;
import static org.liuhua.deploy.Rendered.name;

/**
 * The Kafka cluster, its topics and users against the code: every declared topic exists and every KafkaTopic is
 * declared, events are kept for rebuilds, replication where data must survive, TLS only, and per service exactly the
 * access its code needs (derived from liuhua.events.topic, the audit log and the {@code @KafkaListener}s).
 */
class KafkaTest {

    static Stream<String> overlays() {
        return Repo.overlays().stream();
    }

    static String topicName(Map<String, Object> kafkaTopic) {
        Object topicName = at(kafkaTopic, "spec", "topicName");
        return topicName != null ? (String) topicName : name(kafkaTopic);
    }

    static Map<String, Map<String, Object>> topics(Rendered r) {
        return r.kind("KafkaTopic").stream().collect(Collectors.toMap(KafkaTest::topicName, t -> t));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheCodeDeclaresHasAKafkaTopicAndEveryKafkaTopicIsDeclared(String overlay) {
        Set<String> declared = new TreeSet<>(CodeFacts.declaredTopics());
        for (String module : Repo.services()) {
            Object own = CodeFacts.packagedConfig(module).get("liuhua.events.topic");
            if (own != null) {
                assertThat(declared).as(module + "'s liuhua.events.topic is a constant of Topics").contains((String) own);
            }
        }
        CodeFacts.listeners().forEach(l -> assertThat(declared).as(l.source()).containsAll(l.topics()));
        Set<String> deployed = topics(Rendered.of(overlay)).keySet();
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(deployed);
        Set<String> unused = new TreeSet<>(deployed);
        unused.removeAll(declared);
        assertThat(missing).as(overlay + ": topics the code declares without a KafkaTopic").isEmpty();
        assertThat(unused).as(overlay + ": KafkaTopics no code declares").isEmpty();
        for (Map<String, Object> topic : Rendered.of(overlay).kind("KafkaTopic")) {
            assertThat(Rendered.labels(topic)).as(name(topic)).containsEntry("strimzi.io/cluster",
                    name(Rendered.of(overlay).kind("Kafka").get(0)));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsKeepEventsForRebuildsAndAreReplicatedWhereDataMustSurvive(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : topics(r).entrySet()) {
            String topic = entry.getKey();
            Map<String, Object> config = at(entry.getValue(), "spec", "config");
            Object retention = config == null ? null : config.get("retention.ms");
            if (retention == null) {
                problems.add(topic + ": retention.ms must be explicit");
            } else if (!topic.endsWith(Topics.DEAD_LETTER_SUFFIX) && !"-1".equals(String.valueOf(retention))) {
                problems.add(topic + ": events must be kept (retention.ms -1): read models are rebuilt from offset 0");
            } else if (topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
                    && Long.parseLong(String.valueOf(retention)) < 30L * 24 * 3600 * 1000) {
                problems.add(topic + ": keep dead letters at least 30 days");
            }
            if (!topic.endsWith(Topics.DEAD_LETTER_SUFFIX) && config != null
                    && !"delete".equals(config.get("cleanup.policy"))) {
                problems.add(topic + ": cleanup.policy must be delete (compaction loses history)");
            }
            int replicas = at(entry.getValue(), "spec", "replicas");
            int minIsr = Integer.parseInt(String.valueOf(config == null ? "1" : config.get("min.insync.replicas")));
            if (Repo.replicated(overlay) && (replicas != 3 || minIsr != 2)) {
                problems.add(topic + ": replication 3 and min.insync.replicas 2 in " + overlay);
            }
            if (minIsr > replicas) {
                problems.add(topic + ": min.insync.replicas above the replication: no write could succeed");
            }
        }
        int brokers = 0;
        int controllers = 0;
        for (Map<String, Object> pool : r.kind("KafkaNodePool")) {
            int replicas = at(pool, "spec", "replicas");
            List<String> roles = Kustomize.strings(at(pool, "spec", "roles"));
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        if (Repo.replicated(overlay) ? brokers < 3 || controllers < 3 : brokers != 1 || controllers != 1) {
            problems.add(overlay + ": " + brokers + " brokers and " + controllers + " controllers");
        }
        Map<String, Object> kafkaConfig = at(r.kind("Kafka").get(0), "spec", "kafka", "config");
        if (Repo.replicated(overlay) && (!Integer.valueOf(3).equals(kafkaConfig.get("offsets.topic.replication.factor"))
                || !Integer.valueOf(2).equals(kafkaConfig.get("min.insync.replicas")))) {
            problems.add(overlay + ": the broker defaults must be replicated too");
        }
        if (!Boolean.FALSE.equals(kafkaConfig.get("auto.create.topics.enable"))) {
            problems.add(overlay + ": topics come from KafkaTopics only (auto.create.topics.enable false)");
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaIsReachedOverTlsWithAClientCertificateOnly(String overlay) {
        Rendered r = Rendered.of(overlay);
        Map<String, Object> kafka = r.kind("Kafka").get(0);
        List<Map<String, Object>> listeners = maps(at(kafka, "spec", "kafka", "listeners"));
        assertThat(listeners).allSatisfy(l -> {
            assertThat(l.get("tls")).isEqualTo(true);
            assertThat((String) at(l, "authentication", "type")).isEqualTo("tls");
        });
        assertThat((String) at(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        for (String service : Repo.services()) {
            Map<String, String> environment = r.environment(r.get("Deployment", service));
            assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).as(service)
                    .isEqualTo(name(kafka) + "-kafka-bootstrap:" + listeners.get(0).get("port"));
            assertThat(environment.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as(service).isEqualTo("SSL");
            assertThat(environment.get("SPRING_KAFKA_ADMIN_AUTO_CREATE")).as(service).isEqualTo("false");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceMayWriteItsOwnTopicAndReadWhatItConsumesAndNothingElse(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<CodeFacts.Listener> listeners = CodeFacts.listeners();
        List<String> problems = new ArrayList<>();
        for (String service : Repo.services()) {
            Map<String, Object> user = r.find("KafkaUser", service).orElse(null);
            if (user == null) {
                problems.add(service + ": no KafkaUser");
                continue;
            }
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            List<String[]> groups = new ArrayList<>();
            for (Map<String, Object> acl : maps(at(user, "spec", "authorization", "acls"))) {
                String type = at(acl, "resource", "type");
                String resource = at(acl, "resource", "name");
                String pattern = at(acl, "resource", "patternType");
                Set<String> operations = new LinkedHashSet<>(Kustomize.strings(acl.get("operations")));
                if (acl.get("type") != null && !"allow".equals(acl.get("type"))) {
                    continue;
                }
                if (type.equals("topic") && "literal".equals(pattern)) {
                    if (operations.equals(Set.of("Write", "Describe"))) {
                        writes.add(resource);
                    } else if (operations.equals(Set.of("Read", "Describe"))) {
                        reads.add(resource);
                    } else {
                        problems.add(service + ": topic " + resource + " with " + operations
                                + " (only Write+Describe or Read+Describe)");
                    }
                } else if (type.equals("group") && operations.equals(Set.of("Read"))) {
                    groups.add(new String[]{resource, pattern});
                } else {
                    problems.add(service + ": ACL " + acl + " is more than a service needs");
                }
            }
            Set<String> consumed = new TreeSet<>();
            for (CodeFacts.Listener listener : listeners.stream().filter(l -> l.module().equals(service)).toList()) {
                consumed.addAll(listener.topics());
                boolean groupAllowed = groups.stream().anyMatch(g -> "prefix".equals(g[1])
                        ? listener.groupId().startsWith(g[0]) : listener.groupId().equals(g[0]));
                if (!groupAllowed) {
                    problems.add(service + ": no ACL for consumer group " + listener.groupId() + " ("
                            + listener.source() + ")");
                }
            }
            for (String[] group : groups) {
                if (!group[0].equals(service)) {
                    problems.add(service + ": consumer groups must be named after the service, not " + group[0]);
                }
            }
            Set<String> announced = canvasConsumes(service);
            for (String topic : consumed) {
                if (!reads.contains(topic)) {
                    problems.add(service + ": consumes " + topic + " but its KafkaUser may not read it");
                }
            }
            for (String topic : reads) {
                if (!consumed.contains(topic) && !announced.contains(topic)) {
                    problems.add(service + ": may read " + topic + " but neither its code nor its canvas consumes it");
                }
            }
            Set<String> expectedWrites = new TreeSet<>();
            Object own = CodeFacts.packagedConfig(service).get("liuhua.events.topic");
            if (own != null) {
                expectedWrites.add((String) own);
            }
            expectedWrites.add(Topics.AUDIT);
            reads.forEach(t -> expectedWrites.add(Topics.deadLetter(t)));
            if (!writes.equals(expectedWrites)) {
                problems.add(service + ": may write " + writes + ", its code writes " + expectedWrites
                        + " (own topic, audit, dead letters of what it reads)");
            }
        }
        for (Map<String, Object> user : r.kind("KafkaUser")) {
            if (!Repo.services().contains(name(user))) {
                problems.add("KafkaUser " + name(user) + " belongs to no service");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    /** Topics a service's CANVAS.md announces it consumes (a listener may not exist yet). */
    static Set<String> canvasConsumes(String service) {
        java.nio.file.Path canvas = Repo.ROOT.resolve(service).resolve("CANVAS.md");
        Set<String> topics = new TreeSet<>();
        if (!java.nio.file.Files.exists(canvas)) {
            return topics;
        }
        for (String section : Repo.read(canvas).split("\n(?=#)")) {
            if (section.lines().findFirst().orElse("").toLowerCase().contains("consum")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(liuhua\\.[a-z]+)`").matcher(section);
                while (m.find()) {
                    topics.add(m.group(1));
                }
            }
        }
        return topics;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesAreToldThePartitionsOfTheirTopicsAndDoNotOutscaleWhatTheyConsume(String overlay) {
        Rendered r = Rendered.of(overlay);
        Map<String, Map<String, Object>> topics = topics(r);
        List<String> problems = new ArrayList<>();
        for (String service : Repo.services()) {
            Map<String, String> settings = r.configTree(r.get("Deployment", service));
            Object own = CodeFacts.packagedConfig(service).get("liuhua.events.topic");
            if (own != null && !String.valueOf((Object) at(topics.get(own), "spec", "partitions"))
                    .equals(settings.get("liuhua.events.partitions"))) {
                problems.add(service + ": liuhua.events.partitions " + settings.get("liuhua.events.partitions")
                        + " but " + own + " has " + at(topics.get(own), "spec", "partitions"));
            }
            if (!String.valueOf((Object) at(topics.get(Topics.AUDIT), "spec", "partitions"))
                    .equals(settings.get("liuhua.audit.partitions"))) {
                problems.add(service + ": liuhua.audit.partitions differs from the audit topic's");
            }
            Map<String, Object> hpa = r.get("HorizontalPodAutoscaler", service);
            int max = at(hpa, "spec", "maxReplicas");
            for (CodeFacts.Listener listener : CodeFacts.listeners()) {
                if (!listener.module().equals(service)) {
                    continue;
                }
                for (String topic : listener.topics()) {
                    int partitions = at(topics.get(topic), "spec", "partitions");
                    if (max > partitions) {
                        problems.add(service + ": up to " + max + " pods but " + topic + " has " + partitions
                                + " partitions (consumers beyond that idle)");
                    }
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }
}
