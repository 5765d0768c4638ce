package org.liuhua.e2e.fuzz;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.sessions.JqwikSession;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-driven fuzzing of every operation of every service's OpenAPI document (issue 13, deliverable 12), through
 * the gateway with real Keycloak tokens of six roles. For each operation: generated valid requests (from the
 * schemas, references naming demo objects, path ids of real objects and unknown ones) as every role, then
 * generated invalid ones (wrong types, bad dates, numbers out of range, unknown enum values, 20,000-character
 * strings, control characters in path and query, missing required fields, page size 1,000,000, unknown sort keys)
 * as a role allowed to call it. Inputs come from jqwik arbitraries drawn from one seeded random source
 * ({@code -Dliuhua.fuzz.seed}, default 13), so a run repeats exactly; {@code -Dliuhua.fuzz.tries} (default 1)
 * bounds the invalid inputs per operation and the extra valid ones, {@code -Dliuhua.fuzz.seconds} the run.
 *
 * <p>Checked for every answer, and every check fails the test: no 5xx; every 4xx is {@code application/problem+json}
 * (also those of the HTTP layer: the firewall of the gateway and of the services, over-long request lines); a 400
 * names a field or parameter, the bad one for an invalid input; a rejected write changes no stored data (the
 * operation's own collection count and the object it addresses, read before and after, for the first
 * {@code liuhua.fuzz.stateChecks} rejected writes of each operation); the status is one the document declares and
 * a 2xx JSON body conforms to the declared schema; an invalid input is not accepted; a role that may not call an
 * operation gets 403, not a validation answer. {@code -Dliuhua.fuzz.reportOnly=true} only prints the findings, for
 * exploring (a new seed, more tries).
 *
 * <p>Which answer comes first where several apply:
 * <ul>
 * <li>A role outside the operation's documented roles ({@code x-liuhua-roles}, from its {@code @PreAuthorize}) gets
 * 403 before any 400. A role inside them whose valid request got 403 was refused for the object it addressed (its
 * scope, its state): the request's shape is checked before the object is loaded, so a 400 first is right there.
 * Where a document names no roles, every 403 of a valid request counts as a role refusal and must come first.</li>
 * <li>A path the firewall refuses (an encoded {@code /} or {@code %}, a {@code ..} segment, a control character in a
 * path segment) is refused before the request is routed to any operation, for every caller alike, with a 400 naming
 * {@code path}: it tells a caller nothing about the operation, so it legitimately precedes 403, and it names the
 * path rather than the path variable no one has matched yet.</li>
 * <li>An array or a scalar sent where the body must be an object names {@code body}, as a missing or malformed body
 * does.</li>
 * </ul>
 */
final class ApiFuzzer {

    static final List<String> SERVICES = List.of("grid-service", "hazard-service", "training-service",
            "manual-service", "reporting-service");
    static final List<String> ROLES = List.of("city-admin", "town-officer", "department-officer", "inspector",
            "enterprise-officer", "cockpit-viewer");
    static final long SEED = Long.getLong("liuhua.fuzz.seed", 13);
    static final int TRIES = Integer.getInteger("liuhua.fuzz.tries", 1);
    static final int STATE_CHECKS = Integer.getInteger("liuhua.fuzz.stateChecks", 1);
    static final int SECONDS = Integer.getInteger("liuhua.fuzz.seconds", 200);
    static final boolean REPORT_ONLY = Boolean.getBoolean("liuhua.fuzz.reportOnly");

    static final String SERVER_ERROR = "5xx";
    static final String NO_ANSWER = "no answer within 30 s";
    static final String HTTP_LAYER = "4xx from the HTTP layer (firewall, URI length) without a problem body";
    static final String NOT_PROBLEM = "4xx not application/problem+json";
    static final String NAMES_NOTHING = "400 naming no field or parameter";
    static final String CHANGED_DATA = "rejected request changed stored data";
    static final String UNDECLARED = "status not declared in the document";
    static final String NONCONFORMING = "2xx body does not conform to the declared schema";
    static final String ACCEPTED_INVALID = "invalid input accepted (2xx)";
    static final String NAMES_OTHER = "400 naming another field than the bad one";
    static final String VALIDATION_FIRST = "forbidden role answered with 400 instead of 403";
    static final String ROLE_NOT_REFUSED = "role outside the documented roles not answered 403";
    /** The field a refusal of the request path by the firewall names (gateway and services alike). */
    static final String PATH_FIELD = "path";
    /** Kinds of bad path segment that a firewall may refuse before routing. */
    static final Set<String> PATH_KINDS = Set.of("control characters", "path traversal", "long id");
    /** Kinds of bad input that no operation may accept. */
    static final Set<String> NEVER_ACCEPTABLE = Set.of("wrong type", "wrong item type", "bad date",
            "number for a date", "unknown enum value", "number for an enum", "above maximum", "below minimum",
            "huge string", "object for a string", "missing required", "page size 1000000", "unknown sort key",
            "not JSON", "array for an object");

    record Case(String kind, String target, String path, Map<String, String> query, Object body) {
        String uri() {
            return path + Inputs.query(query);
        }

        String describe() {
            String text = body == null ? "" : body instanceof String s ? s : TestHttp.JSON.writeValueAsString(body);
            if (text.length() > 300) {
                text = text.substring(0, 300) + "…(" + text.length() + " chars)";
            }
            String uri = uri();
            if (uri.length() > 300) {
                uri = uri.substring(0, 300) + "…";
            }
            return (kind.equals("valid") ? "" : "[" + kind + " " + target + "] ") + uri + (text.isEmpty() ? ""
                    : " body " + text);
        }
    }

    /** A multipart/form-data body with a small PNG in each of these parts (none: a body without its file). */
    record Multipart(List<String> parts) {
    }

    record Finding(String category, ApiOperation operation, String role, Case input, int status, String answer) {
    }

    private final TestHttp admin;
    private final Function<String, TestHttp> roleClient;
    private final Function<String, Path> serviceLog;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, List<String>> realIds = new HashMap<>();
    private final Map<String, TestHttp> asRole = new HashMap<>();
    private Set<String> getTemplates = Set.of();
    private Inputs inputs;
    private int requests;
    private int retries;
    /** Whether the current operation's generated body was itself refused with 400 (see {@link #run}). */
    private boolean baseRefused;
    private final List<String> refusedBases = new ArrayList<>();

    /**
     * @param admin      the gateway as the city administrator (documents, ids, state reads)
     * @param roleClient the gateway as a demo user of one of {@link #ROLES}
     * @param serviceLog a service's log file, for the stack trace behind a 5xx
     */
    ApiFuzzer(TestHttp admin, Function<String, TestHttp> roleClient, Function<String, Path> serviceLog) {
        this.admin = admin;
        this.roleClient = roleClient;
        this.serviceLog = serviceLog;
    }

    /** Fuzzes every operation, prints what it found, and fails on the enforced findings. */
    void run() {
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(SECONDS);
        for (String role : ROLES) {
            asRole.put(role, roleClient.apply(role));
        }

        Map<String, List<ApiOperation>> byService = new LinkedHashMap<>();
        for (String service : SERVICES) {
            TestHttp.Response document = admin.get("/api-docs/" + service);
            // a service builds its document on the first request: on a crowded machine that may outlast the gateway
            for (int attempt = 0; attempt < 4 && document.status() != 200; attempt++) {
                sleep(Duration.ofSeconds(2));
                document = admin.get("/api-docs/" + service);
            }
            assertThat(document.status()).as(service + " OpenAPI document " + document).isEqualTo(200);
            byService.put(service, ApiOperation.parse(service, document.body()));
        }
        List<ApiOperation> operations = byService.values().stream().flatMap(List::stream).toList();
        getTemplates = new TreeSet<>(operations.stream().filter(o -> o.method().equals("GET"))
                .map(ApiOperation::path).toList());
        byService.forEach((service, list) -> System.out.printf("fuzz: %-18s %3d operations%n", service, list.size()));
        System.out.printf("fuzz: %-18s %3d operations (seed %d, tries %d)%n", "total", operations.size(), SEED,
                TRIES);
        assertThat(byService.values()).as("every service documents operations").allMatch(l -> !l.isEmpty());

        // reads first, so the ids they list exist before writes change them; deletions last
        List<ApiOperation> ordered = new ArrayList<>(operations);
        ordered.sort(java.util.Comparator.comparingInt(o -> switch (o.method()) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        }));

        Map<ApiOperation, List<String>> forbiddenRoles = new HashMap<>();
        Map<ApiOperation, String> allowedRole = new HashMap<>();
        int fuzzed = 0;
        JqwikSession.start();
        try {
            inputs = new Inputs(SEED);
            for (ApiOperation operation : ordered) {
                List<String> forbidden = new ArrayList<>();
                for (String role : ROLES) {
                    Case valid = validCase(operation, role);
                    TestHttp.Response answer = send(operation, role, valid);
                    check(operation, role, valid, answer);
                    // 406: no handler answers the JSON the fuzzer asks for (a page, an event stream); content
                    // negotiation picks the handler, so it precedes that handler's authorization and says nothing
                    // about the operation's input
                    if (operation.forbids(role) && answer.status() != 403 && answer.status() != 406) {
                        findings.add(new Finding(ROLE_NOT_REFUSED, operation, role, valid, answer.status(),
                                "documented roles " + operation.roles() + "; " + abbreviate(answer.body())));
                    }
                    if (answer.status() == 403) {
                        forbidden.add(role);
                    } else if (!allowedRole.containsKey(operation) || role.equals("city-admin")
                            && answer.status() / 100 == 2) {
                        allowedRole.putIfAbsent(operation, role);
                    }
                }
                forbiddenRoles.put(operation, forbidden);
            }
            for (ApiOperation operation : ordered) {
                if (Instant.now().isAfter(deadline)) {
                    break;
                }
                String role = allowedRole.getOrDefault(operation, "city-admin");
                for (int i = 1; i < TRIES; i++) {
                    Case valid = validCase(operation, role);
                    check(operation, role, valid, send(operation, role, valid));
                }
                // the body the bad inputs are made from is sent as it is first: when the service refuses it (a rule
                // across fields, a value no schema states), which field a bad input's 400 names cannot be judged
                Case base = validCase(operation, role);
                TestHttp.Response baseAnswer = send(operation, role, base);
                check(operation, role, base, baseAnswer);
                baseRefused = baseAnswer.status() == 400;
                if (baseRefused) {
                    refusedBases.add(operation.service() + " " + operation.method() + " " + operation.path());
                }
                List<Case> invalid = invalidCases(operation, base);
                int stateChecks = 0;
                for (Case bad : invalid) {
                    boolean checkState = operation.writes() && stateChecks < STATE_CHECKS;
                    String before = checkState ? snapshot(operation, bad) : null;
                    TestHttp.Response answer = send(operation, role, bad);
                    check(operation, role, bad, answer);
                    if (checkState && answer.status() / 100 == 4 && answer.status() != 429) {
                        stateChecks++;
                        String after = snapshot(operation, bad);
                        if (!before.equals(after)) {
                            findings.add(new Finding(CHANGED_DATA, operation, role, bad, answer.status(),
                                    "before: " + before + "\nafter:  " + after));
                        }
                    }
                }
                if (!invalid.isEmpty()) {
                    for (String forbidden : forbiddenRoles.getOrDefault(operation, List.of())) {
                        if (!operation.roles().isEmpty() && !operation.forbids(forbidden)) {
                            continue; // refused for the object it addressed: its shape is checked first
                        }
                        Case bad = invalid.get(0);
                        TestHttp.Response answer = send(operation, forbidden, bad);
                        check(operation, forbidden, bad, answer);
                        if (answer.status() == 400 && !refusedPath(operation, bad, answer)) {
                            findings.add(new Finding(VALIDATION_FIRST, operation, forbidden, bad, 400,
                                    answer.body()));
                        }
                    }
                }
                baseRefused = false;
                fuzzed++;
            }
        } finally {
            JqwikSession.finish();
        }
        long seconds = Duration.between(start, Instant.now()).toSeconds();
        System.out.printf("fuzz: %d requests (%d retried after 429 or a gateway 503) in %d s; %d of %d operations also got invalid "
                + "inputs%n", requests, retries, seconds, fuzzed, operations.size());
        System.out.printf("fuzz: %d operations whose generated body was refused with 400 (which field a bad input's"
                + " 400 names is not judged there): %s%n", refusedBases.size(), refusedBases);
        report();
        assertThat(fuzzed).as("operations fuzzed with invalid inputs within " + SECONDS + " s")
                .isEqualTo(operations.size());
        List<Finding> failing = findings.stream().filter(f -> !KnownElsewhere.covers(f)).toList();
        if (!REPORT_ONLY) {
            assertThat(failing).as("fuzzing findings (listed above)").isEmpty();
        }
    }

    // --- inputs ---------------------------------------------------------------------------------------------------

    private Case validCase(ApiOperation operation, String role) {
        String path = operation.path();
        for (Parameter parameter : operation.parameters()) {
            if ("path".equals(parameter.getIn())) {
                String prefix = path.substring(0, path.indexOf("{" + parameter.getName() + "}") - 1);
                path = path.replace("{" + parameter.getName() + "}",
                        Inputs.encode(pathValue(operation, parameter, prefix)));
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if ("query".equals(parameter.getIn()) && (Inputs.required(parameter)
                    || (!operation.isList() || parameter.getName().equals("size")) && inputs.chance(0.3))) {
                Object value = inputs.valid(parameter.getName(), parameter.getSchema(), 0);
                query.put(parameter.getName(), value instanceof List<?> list
                        ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
            }
        }
        Object body = null;
        if (operation.uploads()) {
            body = new Multipart(operation.fileParts());
        } else if (operation.body() != null && operation.bodyMediaType() != null
                && operation.bodyMediaType().contains("json")) {
            body = "object".equals(Inputs.type(Inputs.effective(operation.body())))
                    ? inputs.validObject(operation.body(), 0) : inputs.valid("body", operation.body(), 0);
        }
        return new Case("valid", "", path, query, body);
    }

    /** A real object's id (from the list the path names; for a write never one of the demo fixture's), else none. */
    private String pathValue(ApiOperation operation, Parameter parameter, String prefix) {
        List<String> ids = realIds.computeIfAbsent(prefix, this::listIds).stream()
                .filter(id -> !operation.writes() || !Inputs.PROTECTED_IDS.contains(id)).toList();
        if (!ids.isEmpty() && inputs.chance(0.8)) {
            return inputs.pick(ids);
        }
        Schema<?> schema = parameter.getSchema();
        if (schema != null && (!Inputs.enumValues(schema).isEmpty() || Inputs.isDate(schema)
                || !"string".equals(Inputs.type(schema)))) {
            return String.valueOf(inputs.valid(parameter.getName(), schema, 0));
        }
        if (!operation.writes() && Inputs.FIXTURE_REFERENCES.containsKey(parameter.getName())) {
            return Inputs.FIXTURE_REFERENCES.get(parameter.getName());
        }
        if (parameter.getName().equals("month") || parameter.getName().equals("year")) {
            return String.valueOf(inputs.valid(parameter.getName(), schema, 0));
        }
        return "fuzz-missing-" + inputs.draw(Arbitraries.strings().withCharRange('a', 'z').ofLength(6));
    }

    private List<String> listIds(String concretePath) {
        if (getTemplates.stream().noneMatch(t -> matches(t, concretePath))) {
            return List.of();
        }
        TestHttp.Response list = admin.get(concretePath + "?size=20");
        requests++;
        if (list.status() != 200 || !json(list).path("items").isArray()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : list.json().path("items")) {
            if (item.path("id").isString()) {
                ids.add(item.path("id").asString());
            }
        }
        return ids;
    }

    private static boolean matches(String template, String concretePath) {
        return concretePath.matches(template.replaceAll("\\{[^}]+}", "[^/]+"));
    }

    private List<Case> invalidCases(ApiOperation operation, Case valid) {
        List<Case> cases = new ArrayList<>();
        List<Case> always = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            String name = parameter.getName();
            if ("query".equals(parameter.getIn())) {
                for (Inputs.Bad bad : inputs.invalid(name, parameter.getSchema(), false)) {
                    cases.add(withQuery(valid, bad.kind(), name, String.valueOf(bad.value())));
                }
                if (Inputs.required(parameter)) {
                    Map<String, String> query = new LinkedHashMap<>(valid.query());
                    query.remove(name);
                    cases.add(new Case("missing required", name, valid.path(), query, valid.body()));
                }
            } else if ("path".equals(parameter.getIn())) {
                for (String bad : List.of(Inputs.CONTROL, "长".repeat(300), "..%2F..")) {
                    String path = operation.path();
                    for (Parameter other : operation.parameters()) {
                        if ("path".equals(other.getIn())) {
                            path = path.replace("{" + other.getName() + "}", other == parameter
                                    ? Inputs.encode(bad) : segment(valid.path(), operation.path(), other.getName()));
                        }
                    }
                    cases.add(new Case(bad.startsWith("POST") ? "control characters" : bad.startsWith("..")
                            ? "path traversal" : "long id", name, path, valid.query(), valid.body()));
                }
            }
        }
        if (operation.isList()) {
            always.add(withQuery(valid, "page size 1000000", "size", "1000000"));
            always.add(withQuery(valid, "unknown sort key", "sort", "no_such_key"));
            cases.add(withQuery(valid, "control characters", "sort", Inputs.CONTROL));
            cases.add(withQuery(valid, "unknown sort key", "sort", "officers.name,desc"));
            cases.add(withQuery(valid, "below minimum", "page", "-1"));
        }
        if (valid.body() instanceof Map<?, ?> body) {
            Schema<?> schema = Inputs.effective(operation.body());
            bodyCases(valid, schema, "", body, cases, 0);
            cases.add(new Case("not JSON", "body", valid.path(), valid.query(), "{\"unterminated"));
            cases.add(new Case("array for an object", "body", valid.path(), valid.query(), "[]"));
        } else if (valid.body() instanceof Multipart upload) {
            cases.add(new Case("missing required", upload.parts().get(0), valid.path(), valid.query(),
                    new Multipart(List.of())));
        } else if (operation.body() != null && operation.bodyRequired()) {
            cases.add(new Case("missing required", "body", valid.path(), valid.query(), null));
        }
        List<Case> sampled = new ArrayList<>(always);
        if (!cases.isEmpty()) {
            List<Case> shuffled = inputs.draw(Arbitraries.shuffle(cases));
            sampled.addAll(shuffled.subList(0, Math.min(Math.max(TRIES, 1), shuffled.size())));
        }
        return sampled;
    }

    @SuppressWarnings("unchecked")
    private void bodyCases(Case valid, Schema<?> schema, String prefix, Map<?, ?> body, List<Case> cases,
                           int depth) {
        if (schema == null || schema.getProperties() == null || depth > 1) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            String name = property.getKey();
            String field = prefix + name;
            for (Inputs.Bad bad : inputs.invalid(name, property.getValue(), true)) {
                cases.add(new Case(bad.kind(), field, valid.path(), valid.query(),
                        replaceAt(valid.body(), prefix, root -> {
                            root.put(name, bad.value());
                            return root;
                        })));
            }
            if (required.contains(name)) {
                cases.add(new Case("missing required", field, valid.path(), valid.query(),
                        replaceAt(valid.body(), prefix, root -> {
                            root.remove(name);
                            return root;
                        })));
            }
            Schema<?> itemSchema = Inputs.effective(property.getValue().getItems());
            if ("array".equals(Inputs.type(property.getValue())) && itemSchema != null
                    && itemSchema.getProperties() != null && prefix.isEmpty()) {
                Map<String, Object> item = inputs.validObject(itemSchema, 1);
                Map<String, Object> withItem = new LinkedHashMap<>((Map<String, Object>) valid.body());
                withItem.put(name, new ArrayList<>(List.of(item)));
                bodyCases(new Case("valid", "", valid.path(), valid.query(), withItem), itemSchema,
                        name + "[0].", item, cases, depth + 1);
            }
        }
    }

    /** A deep copy of the body with the object at {@code prefix} ("" or "items[0].") changed. */
    @SuppressWarnings("unchecked")
    private static Object replaceAt(Object body, String prefix, Function<Map<String, Object>, Map<String, Object>> change) {
        Map<String, Object> copy = TestHttp.JSON.readValue(TestHttp.JSON.writeValueAsString(body), LinkedHashMap.class);
        if (prefix.isEmpty()) {
            return change.apply(copy);
        }
        String list = prefix.substring(0, prefix.indexOf('['));
        List<Object> items = (List<Object>) copy.get(list);
        items.set(0, change.apply((Map<String, Object>) items.get(0)));
        return copy;
    }

    private static Case withQuery(Case valid, String kind, String name, String value) {
        Map<String, String> query = new LinkedHashMap<>(valid.query());
        query.put(name, value);
        return new Case(kind, name, valid.path(), query, valid.body());
    }

    private static String segment(String concrete, String template, String name) {
        String[] values = concrete.split("/");
        String[] names = template.split("/");
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].equals("{" + name + "}")) {
                return values[i];
            }
        }
        return "x";
    }

    // --- sending and checking -------------------------------------------------------------------------------------

    private TestHttp.Response send(ApiOperation operation, String role, Case input) {
        TestHttp http = asRole.get(role);
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = http.request(input.uri());
            if (input.body() instanceof Multipart upload) {
                request.header("Content-Type", "multipart/form-data; boundary=fuzz")
                        .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(multipart(upload)));
            } else if (input.body() != null) {
                String text = input.body() instanceof String s ? s : TestHttp.JSON.writeValueAsString(input.body());
                request.header("Content-Type", "application/json")
                        .method(operation.method(), HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            } else {
                request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
            }
            TestHttp.Response response;
            long sent = System.nanoTime();
            try {
                response = http.send(request);
            } catch (IllegalStateException e) {
                response = new TestHttp.Response(599, Map.of(), "no answer: " + e.getMessage());
            }
            requests++;
            long millis = (System.nanoTime() - sent) / 1_000_000;
            if (millis > 3_000) {
                System.out.printf("fuzz: slow answer %d ms, %d: %s %s as %s%n", millis, response.status(),
                        operation.method(), input.uri(), role);
            }
            // a 429 whose wait is short (the gateway's token bucket) is asked again after it; one that names a long
            // wait (a budget per hour, e.g. public reports per address) is the answer, checked like any other.
            // the gateway's own 503 (its fallback: the service did not answer within the route's time on a busy
            // machine) is asked once more after a pause; a 503 that persists, and every other 5xx, is a finding
            boolean gatewayTimeout = response.status() == 503 && response.body() != null
                    && response.body().contains("\"instance\":\"/fallback/") && attempt < 1;
            if (!gatewayTimeout && (!shortWait(response) || attempt >= 5)) {
                return response;
            }
            retries++;
            sleep(gatewayTimeout ? Duration.ofSeconds(2) : retryAfter(response));
        }
    }

    private void check(ApiOperation operation, String role, Case input, TestHttp.Response answer) {
        int status = answer.status();
        if (status == 599) {
            findings.add(new Finding(NO_ANSWER, operation, role, input, status, answer.body()));
            return;
        }
        if (status >= 500) {
            findings.add(new Finding(SERVER_ERROR, operation, role, input, status,
                    abbreviate(answer.body()) + stackHint(operation.service(), answer)));
            return;
        }
        if (status >= 400) {
            String type = answer.contentType();
            boolean httpLayer = status == 414 || status == 431 || input.kind().equals("huge string")
                    || input.kind().equals("path traversal") || input.kind().equals("long id")
                    || input.kind().equals("control characters");
            if (type == null || !type.startsWith("application/problem+json")) {
                findings.add(new Finding(httpLayer ? HTTP_LAYER : NOT_PROBLEM, operation, role, input, status,
                        type + " " + abbreviate(answer.body())));
            } else if (status == 400) {
                JsonNode problem = json(answer);
                List<String> fields = problem.path("errors").findValuesAsString("field");
                String detail = problem.path("detail").asString("");
                if (fields.isEmpty() && detail.isBlank()) {
                    findings.add(new Finding(NAMES_NOTHING, operation, role, input, status, abbreviate(answer.body())));
                } else if (!input.kind().equals("valid") && !baseRefused && !names(fields, detail, input.target())
                        && !refusedPath(operation, input, answer)) {
                    findings.add(new Finding(NAMES_OTHER, operation, role, input, status, abbreviate(answer.body())));
                }
            }
        } else if (status / 100 == 2 && NEVER_ACCEPTABLE.contains(input.kind())) {
            findings.add(new Finding(ACCEPTED_INVALID, operation, role, input, status, abbreviate(answer.body())));
        }
        if (!operation.declares(status) && status != 401 && status != 429) {
            findings.add(new Finding(UNDECLARED, operation, role, input, status,
                    "declared " + new TreeSet<>(operation.declaredStatuses())));
        }
        Schema<?> schema = operation.okSchemas().get(String.valueOf(status));
        if (status / 100 == 2 && schema != null && answer.contentType() != null
                && answer.contentType().contains("json")) {
            List<String> problems = SchemaCheck.problems(json(answer), schema);
            if (!problems.isEmpty()) {
                findings.add(new Finding(NONCONFORMING, operation, role, input, status, String.join("; ", problems)));
            }
        }
    }

    /**
     * Whether this is the firewall's refusal of a bad path segment (gateway or service): a problem naming
     * {@code path}, for an input that put the bad value into a path variable.
     */
    private static boolean refusedPath(ApiOperation operation, Case input, TestHttp.Response answer) {
        boolean pathInput = PATH_KINDS.contains(input.kind()) && operation.parameters().stream()
                .anyMatch(p -> "path".equals(p.getIn()) && p.getName().equals(input.target()));
        return pathInput && answer.status() == 400
                && json(answer).path("errors").findValuesAsString("field").contains(PATH_FIELD);
    }

    /** A multipart body with a 1×1 PNG in each part (the smallest photo every upload accepts as a file). */
    private static byte[] multipart(Multipart upload) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String part : upload.parts()) {
            out.writeBytes(("--fuzz\r\nContent-Disposition: form-data; name=\"" + part
                    + "\"; filename=\"fuzz.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(Inputs.PNG);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("--fuzz--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static boolean names(List<String> fields, String detail, String target) {
        String last = target.contains(".") ? target.substring(target.lastIndexOf('.') + 1) : target;
        for (String field : fields) {
            if (field.equals(target) || field.endsWith("." + last) || field.equals(last)
                    || field.replaceAll("\\[\\d+]", "").equals(target.replaceAll("\\[\\d+]", ""))) {
                return true;
            }
        }
        return detail.contains(target) || detail.contains(last);
    }

    /** The operation's collection count and the object it addresses, as the city admin reads them. */
    private String snapshot(ApiOperation operation, Case input) {
        StringBuilder state = new StringBuilder();
        String template = operation.path();
        String concrete = input.path();
        int brace = template.indexOf("/{");
        String collectionTemplate = brace < 0 ? template : template.substring(0, brace);
        if (getTemplates.contains(collectionTemplate)) {
            String collection = String.join("/", List.of(concrete.split("/")).subList(0,
                    collectionTemplate.split("/").length));
            TestHttp.Response list = adminGet(collection + "?size=1");
            state.append(collection).append(" → ").append(list.status()).append(' ')
                    .append(json(list).path("totalElements").asString(""));
        }
        int lastBrace = template.lastIndexOf('}');
        if (lastBrace > 0 && getTemplates.contains(template.substring(0, lastBrace + 1))) {
            String resource = String.join("/", List.of(concrete.split("/")).subList(0,
                    template.substring(0, lastBrace + 1).split("/").length));
            TestHttp.Response object = adminGet(resource);
            state.append("; ").append(resource).append(" → ").append(object.status()).append(' ')
                    .append(object.status() == 200 ? object.body() : "");
        }
        return state.toString();
    }

    /** A read of the state probes, asked again after a 429 (the gateway's rate limit is not the state). */
    private TestHttp.Response adminGet(String path) {
        for (int attempt = 1; ; attempt++) {
            TestHttp.Response response = admin.get(path);
            requests++;
            if (!shortWait(response) || attempt >= 5) {
                return response;
            }
            retries++;
            sleep(retryAfter(response));
        }
    }

    // --- reporting ------------------------------------------------------------------------------------------------

    private void report() {
        Map<String, List<Finding>> byCategory = new TreeMap<>();
        findings.forEach(f -> byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f));
        System.out.println("fuzz findings by category" + (REPORT_ONLY ? " (report only)" : "") + ":");
        byCategory.forEach((category, list) -> System.out.printf("  %4d × %s%n", list.size(), category));
        byCategory.forEach((category, list) -> {
            boolean enforced = !REPORT_ONLY;
            System.out.println("== " + category + (enforced ? "" : " (reported)"));
            Set<String> seen = new TreeSet<>();
            int shown = 0;
            for (Finding f : list) {
                String key = f.operation().service() + " " + f.operation().label() + " " + f.input().kind() + " "
                        + f.input().target() + " " + f.status();
                if (!seen.add(key) || (!enforced && shown >= 80)) {
                    continue;
                }
                shown++;
                System.out.printf("  %s %s as %s → %d%s%n      input: %s%n      answer: %s%n",
                        f.operation().service(), f.operation().label(), f.role(), f.status(),
                        KnownElsewhere.covers(f) ? " (known, owned elsewhere)" : "", f.input().describe(),
                        f.answer().replace("\n", "\n      "));
            }
        });
    }

    private String stackHint(String service, TestHttp.Response answer) {
        String traceId = answer.status() < 599 && answer.contentType() != null
                && answer.contentType().contains("json") ? json(answer).path("traceId").asString("") : "";
        if (traceId.isBlank()) {
            return "";
        }
        try {
            Path log = serviceLog.apply(service);
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(traceId)) {
                    StringBuilder hint = new StringBuilder();
                    for (int j = i + 1; j < Math.min(lines.size(), i + 200); j++) {
                        String line = lines.get(j);
                        if (!line.startsWith("\t") && !line.startsWith(" ") && hint.isEmpty()) {
                            hint.append("\n      ").append(line.length() > 300 ? line.substring(0, 300) : line);
                        } else if (line.trim().startsWith("at org.liuhua")) {
                            hint.append("\n      ").append(line.trim());
                            break;
                        } else if (line.startsWith("Caused by")) {
                            hint.append("\n      ").append(line.length() > 300 ? line.substring(0, 300) : line);
                        }
                    }
                    return hint.toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    /** The body as JSON; a body that is not JSON (a PDF, a page) as a missing node. */
    private static JsonNode json(TestHttp.Response response) {
        try {
            return response.json();
        } catch (RuntimeException e) {
            return TestHttp.JSON.missingNode();
        }
    }

    /** Seconds of a 429 worth waiting for: a rate limit's refill, not a budget per hour. */
    static final long SHORT_WAIT_SECONDS = 5;

    static boolean shortWait(TestHttp.Response response) {
        return response.status() == 429 && retryAfter(response).toSeconds() <= SHORT_WAIT_SECONDS;
    }

    private static Duration retryAfter(TestHttp.Response response) {
        String header = response.header("Retry-After");
        try {
            return header == null ? Duration.ofMillis(300) : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofMillis(300);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(100, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
