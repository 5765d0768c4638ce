package org.liuhua.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.deploy.Kustomize.maps;
import static org.liuhua.deploy.Rendered.at;

/**
 * The Grafana dashboards are well-formed Grafana dashboard JSON, and every metric a panel or an alert queries is one
 * the platform exposes. This fast check uses the meters the code registers (CodeFacts.meterNames: Counter/Timer/Gauge
 * builders in the services and service-kit) plus the names Spring Boot 4.1 / Micrometer 1.17 / Spring Kafka 4.1
 * register in every service (below, with where each comes from), plus Strimzi's Kafka Exporter for broker-side lag
 * and offsets. {@link ScrapedMetricsIT} then checks the service metrics against a running service's scrape.
 */
class DashboardsAndAlertsTest {

    static final Path DASHBOARDS = Repo.K8S.resolve("base/monitoring/dashboards");

    /** Registered by the frameworks in every service (and the gateway for http_* / jvm_* / process_*). */
    static final Set<String> FRAMEWORK_METRICS = Set.of(
            // Spring Boot actuator: HTTP server observations (webmvc and webflux), name http.server.requests
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max", "http_server_requests_active_seconds_count",
            // Micrometer JVM and process binders (JvmMemoryMetrics, JvmGcMetrics, JvmThreadMetrics, ProcessorMetrics,
            // UptimeMetrics)
            "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_memory_committed_bytes",
            "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max",
            "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads", "jvm_threads_states_threads",
            "process_cpu_usage", "system_cpu_usage", "process_uptime_seconds", "process_start_time_seconds",
            // Micrometer KafkaClientMetrics, bound by Spring Boot's Kafka auto-configuration to every consumer/producer
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_fetch_manager_records_consumed_total",
            "kafka_producer_record_send_total", "kafka_producer_record_error_total",
            // Spring Kafka: listener and template timers (spring.kafka.listener / spring.kafka.template)
            "spring_kafka_listener_seconds_count", "spring_kafka_listener_seconds_sum",
            "spring_kafka_listener_seconds_max", "spring_kafka_template_seconds_count",
            // Spring Boot's executor metrics of the task scheduler and the task executor (ExecutorServiceMetrics),
            // e.g. hazard-service's EscalationSchedule runs on "taskScheduler"
            "executor_completed_tasks_total", "executor_active_threads", "executor_queued_tasks",
            "executor_pool_size_threads",
            // Spring Framework's @Scheduled observations (tasks.scheduled.execution), for @Scheduled methods only
            "tasks_scheduled_execution_seconds_count", "tasks_scheduled_execution_seconds_sum",
            "tasks_scheduled_execution_seconds_max");

    /** Strimzi's Kafka Exporter (kafkaExporter in kafka/kafka.yaml), scraped by the PodMonitor. */
    static final Set<String> KAFKA_EXPORTER_METRICS = Set.of("kafka_consumergroup_lag",
            "kafka_consumergroup_current_offset", "kafka_topic_partition_current_offset",
            "kafka_topic_partition_oldest_offset", "kafka_topic_partitions");

    /** Prometheus' own series. */
    static final Set<String> PROMETHEUS_METRICS = Set.of("up");

    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "offset", "bool", "inf", "nan");

    static Set<String> exposed() {
        Set<String> all = new TreeSet<>(CodeFacts.meterNames());
        all.addAll(FRAMEWORK_METRICS);
        all.addAll(KAFKA_EXPORTER_METRICS);
        all.addAll(PROMETHEUS_METRICS);
        return all;
    }

    /** The metric names in a PromQL expression (not functions, keywords, label names, strings or durations). */
    static Set<String> metrics(String expression) {
        String e = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![0-9a-zA-Z_:.])[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(e);
        while (m.find()) {
            String token = m.group().replaceAll("\\s*\\($", "");
            boolean function = m.group().endsWith("(");
            if (!function && !PROMQL_WORDS.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    /** Every metric the dashboards and the alert rules query. */
    static Set<String> queriedMetrics() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : new ObjectMapper().readTree(file.toFile()).path("panels")) {
                panel.path("targets").forEach(t -> used.addAll(metrics(t.path("expr").asText())));
            }
        }
        for (Map<String, Object> rule : Rendered.of("production").kind("PrometheusRule")) {
            for (Map<String, Object> group : maps(at(rule, "spec", "groups"))) {
                maps(group.get("rules")).forEach(r -> used.addAll(metrics(String.valueOf(r.get("expr")))));
            }
        }
        return used;
    }

    static List<Path> dashboards() throws IOException {
        try (var files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theExpressionParserFindsMetricNames() {
        assertThat(metrics("sum by (application, uri) (rate(http_server_requests_seconds_count{uri!~\"/a.*\"}[5m]))"
                + " / max(up{job=\"x\"}) > 0.5 unless on(x) vector(0)")).containsExactly(
                "http_server_requests_seconds_count", "up");
    }

    @Test
    void dashboardsAreGrafanaDashboardsWhosePanelsQueryExposedMetrics() throws IOException {
        List<Path> dashboards = dashboards();
        assertThat(dashboards).isNotEmpty();
        Set<String> exposed = exposed();
        Set<String> uids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path file : dashboards) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            String at = file.getFileName().toString();
            for (String field : List.of("uid", "title")) {
                if (!dashboard.path(field).isTextual() || dashboard.path(field).asText().isBlank()) {
                    problems.add(at + ": no " + field);
                }
            }
            if (!uids.add(dashboard.path("uid").asText())) {
                problems.add(at + ": uid used twice");
            }
            if (!dashboard.path("schemaVersion").isInt() || dashboard.path("schemaVersion").asInt() < 30) {
                problems.add(at + ": schemaVersion must be a number of a current Grafana (>= 30)");
            }
            if (!dashboard.path("panels").isArray() || dashboard.path("panels").isEmpty()) {
                problems.add(at + ": no panels");
            }
            Set<Integer> ids = new HashSet<>();
            List<int[]> boxes = new ArrayList<>();
            int queries = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                String where = at + " panel " + panel.path("id") + " '" + panel.path("title").asText() + "'";
                if (!panel.path("id").isInt() || !ids.add(panel.path("id").asInt())) {
                    problems.add(where + ": id missing or not unique");
                }
                if (!Set.of("row", "timeseries", "stat", "gauge", "table", "bargauge", "text", "heatmap")
                        .contains(panel.path("type").asText())) {
                    problems.add(where + ": unknown panel type " + panel.path("type"));
                }
                JsonNode grid = panel.path("gridPos");
                int x = grid.path("x").asInt(-1);
                int y = grid.path("y").asInt(-1);
                int w = grid.path("w").asInt(0);
                int h = grid.path("h").asInt(0);
                if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > 24) {
                    problems.add(where + ": gridPos outside the 24-column grid");
                }
                for (int[] box : boxes) {
                    if (x < box[0] + box[2] && box[0] < x + w && y < box[1] + box[3] && box[1] < y + h) {
                        problems.add(where + ": overlaps another panel");
                    }
                }
                boxes.add(new int[]{x, y, w, h});
                if (panel.path("type").asText().equals("row") || panel.path("type").asText().equals("text")) {
                    continue;
                }
                if (!panel.path("targets").isArray() || panel.path("targets").isEmpty()) {
                    problems.add(where + ": no query");
                }
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    queries++;
                    if (!refIds.add(target.path("refId").asText()) || target.path("expr").asText().isBlank()) {
                        problems.add(where + ": a target without expr or with a repeated refId");
                    }
                    Set<String> metrics = metrics(target.path("expr").asText());
                    if (metrics.isEmpty()) {
                        problems.add(where + ": queries no metric");
                    }
                    for (String metric : metrics) {
                        if (!exposed.contains(metric)) {
                            problems.add(where + ": " + metric + " is exposed by nothing");
                        }
                    }
                }
            }
            assertThat(queries).as(at).isGreaterThan(10);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theDashboardsCoverRequestsOutboxConsumersDeadLettersSchedulersAndTheJvm() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : new ObjectMapper().readTree(file.toFile()).path("panels")) {
                panel.path("targets").forEach(t -> used.addAll(metrics(t.path("expr").asText())));
            }
        }
        assertThat(used).contains("http_server_requests_seconds_count", "liuhua_outbox_published_total",
                "liuhua_outbox_failures_total", "kafka_consumergroup_lag", "kafka_topic_partition_current_offset",
                "spring_kafka_listener_seconds_count", "executor_completed_tasks_total",
                "jvm_memory_used_bytes");
    }

    @Test
    void theDashboardsAreProvisionedAsAConfigMapGrafanaPicksUp() throws IOException {
        for (String overlay : Repo.overlays()) {
            Map<String, Object> configMap = Rendered.of(overlay).get("ConfigMap", "liuhua-grafana-dashboards");
            assertThat(Rendered.labels(configMap)).containsEntry("grafana_dashboard", "1");
            Map<String, Object> data = at(configMap, "data");
            for (Path file : dashboards()) {
                assertThat(data).containsEntry(file.getFileName().toString(), Files.readString(file));
            }
        }
    }

    @Test
    void everyAlertQueriesExposedMetricsAndSaysHowBadItIs() {
        Set<String> exposed = exposed();
        List<String> problems = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> rule : Rendered.of("production").kind("PrometheusRule")) {
            for (Map<String, Object> group : maps(at(rule, "spec", "groups"))) {
                for (Map<String, Object> alert : maps(group.get("rules"))) {
                    String name = (String) alert.get("alert");
                    alerts.add(name);
                    for (String metric : metrics(String.valueOf(alert.get("expr")))) {
                        if (!exposed.contains(metric)) {
                            problems.add(name + ": " + metric + " is exposed by nothing");
                        }
                    }
                    if (at(alert, "labels", "severity") == null || at(alert, "annotations", "summary") == null) {
                        problems.add(name + ": needs a severity label and a summary");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(alerts).contains("LiuhuaConsumerLagHigh", "LiuhuaDeadLetterGrowing", "LiuhuaOutboxRelayStalled",
                "LiuhuaOutboxRelayFailing", "LiuhuaOverdueEscalationStalled", "LiuhuaHttp5xxRate",
                "LiuhuaCertificateExpiryJobNotRunning");
    }
}
