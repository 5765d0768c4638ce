package org.liuhua.hazard.loop;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.events.hazard.HazardSnapshot;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lists answered from the pre-shaped documents (ADR 13) answer exactly what the query on {@code hazards} answers,
 * for several filters, sorts, pages and scopes; the rows are repaired from the service's own events, and a stale or
 * repeated update never takes a row back.
 */
class ShapedListsIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    HazardLists lists;

    /** A listing by a caller, with the criterion of the caller's scope on {@code hazards} (null: city-wide). */
    record Listing(String who, Supplier<TestHttp> caller, Criteria scope, Map<String, String> parameters) {
    }

    @Test
    void theShapedListsAnswerAsTheHazardsDoForFiltersSortsPagesAndScopes() {
        awaitBuilt();
        String est = unique("est-jinfeng");
        String a = report(est, JINFENG, "FIRE_SAFETY", "MAJOR", "GRID_PATROL");
        report(est, JINFENG, "GAS", null, "LAW_ENFORCEMENT");
        report(est, JINFENG, "ELECTRICAL", null, "GRID_PATROL");
        String moved = report(unique("est-jinfeng"), JINFENG, "GAS", null, "SUPERIOR_INSPECTION");
        report(unique("est-tangqiao"), TANGQIAO, "FIRE_SAFETY", "MAJOR", "GRID_PATROL");
        TestHttp town = townOfficer(JINFENG);
        assertThat(town.post("/api/v1/hazards/" + a + "/transfer", Map.of("toEstablishment", true)).status())
                .isEqualTo(200);
        // transferred to one department, then rerouted to another: it leaves the first one's list
        assertThat(town.post("/api/v1/hazards/" + moved + "/transfer", Map.of("departmentId", "dept-commerce",
                "note", "移交商务局")).status()).isEqualTo(200);
        assertThat(departmentOfficer("dept-commerce").post("/api/v1/hazards/" + moved + "/reroute-transfer",
                Map.of("departmentId", "dept-industry", "reason", "转交工信局")).status()).isEqualTo(200);

        Instant now = clock.instant();
        String from = now.minus(1, ChronoUnit.HOURS).toString();
        String to = now.plus(1, ChronoUnit.HOURS).toString();
        String dayBefore = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant().toString();
        Criteria jinfeng = Criteria.where("townId").is(JINFENG);
        Criteria commerce = new Criteria().orOperator(Criteria.where("departmentId").is("dept-commerce"),
                Criteria.where("transferredDepartmentId").is("dept-commerce"));
        Criteria industry = new Criteria().orOperator(Criteria.where("departmentId").is("dept-industry"),
                Criteria.where("transferredDepartmentId").is("dept-industry"));
        List<Listing> listings = List.of(
                listing("admin", this::admin, null),
                listing("admin", this::admin, null, "page", "1", "size", "3"),
                listing("admin", this::admin, null, "state", "TRANSFERRED"),
                listing("admin", this::admin, null, "severity", "MAJOR", "overdue", "false"),
                listing("admin", this::admin, null, "source", "GRID_PATROL", "from", from, "to", to),
                listing("admin", this::admin, null, "from", dayBefore, "size", "200"),
                listing("admin", this::admin, null, "townId", JINFENG, "size", "4", "page", "1"),
                listing("admin", this::admin, null, "departmentId", "dept-industry"),
                listing("admin", this::admin, null, "establishmentId", est, "sort", "severity,asc"),
                listing("admin", this::admin, null, "establishmentId", est, "sort", "deadline,desc",
                        "state", "REPORTED"),
                listing("viewer", this::viewer, null, "category", "GAS", "size", "5"),
                listing("town", () -> townOfficer(JINFENG), jinfeng),
                listing("town", () -> townOfficer(JINFENG), jinfeng, "townId", TANGQIAO),
                listing("town", () -> townOfficer(JINFENG), jinfeng, "state", "REPORTED", "size", "5"),
                listing("commerce", () -> departmentOfficer("dept-commerce"), commerce),
                listing("industry", () -> departmentOfficer("dept-industry"), industry),
                listing("industry", () -> departmentOfficer("dept-industry"), industry, "sort", "townId,asc"),
                listing("enterprise", () -> enterpriseOfficer(est), Criteria.where("establishmentId").is(est)));
        for (Listing listing : listings) {
            assertSameAsTheHazards(listing);
        }
        JsonNode industryList = departmentOfficer("dept-industry").get("/api/v1/hazards?size=200").json();
        assertThat(industryList.get("items").findValuesAsString("id")).contains(moved);
        JsonNode commerceList = departmentOfficer("dept-commerce").get("/api/v1/hazards?size=200").json();
        assertThat(commerceList.get("items").findValuesAsString("id")).doesNotContain(moved);

        // the lists are read from the rows: a change made behind the store's back (no write of the rows) is not seen
        mongo.updateFirst(new Query(Criteria.where("_id").is(a)), new Update().set("description", "未经存储写入"),
                "hazards");
        for (String path : List.of("/api/v1/hazards?establishmentId=" + est, "/api/v1/hazards?size=200",
                "/api/v1/hazards?townId=" + JINFENG + "&size=200", "/api/v1/hazards/ledger?establishmentId=" + est)) {
            assertThat(admin().get(path).body()).as(path).contains(a).doesNotContain("未经存储写入");
        }

        JsonNode ledger = admin().get("/api/v1/hazards/ledger?establishmentId=" + est).json();
        assertThat(ledger.get("totalElements").asLong()).isEqualTo(3);
        assertThat(ledger.get("openMajor").asLong()).isEqualTo(1);
        assertThat(ledger.get("bySource").get("GRID_PATROL").asLong()).isEqualTo(2);
        JsonNode outside = townOfficer(TANGQIAO).get("/api/v1/hazards/ledger?establishmentId=" + est).json();
        assertThat(outside.get("totalElements").asLong()).isZero();
        assertThat(outside.get("items").size()).isZero();
    }

    @Test
    void lostRowsAreRepairedFromTheEventsAndAStaleOrRepeatedUpdateTakesNoRowBack() {
        awaitBuilt();
        String est = unique("est-jinfeng");
        String id = report(est, JINFENG, "GAS", null, "GRID_PATROL");
        assertThat(townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/transfer",
                Map.of("toEstablishment", true)).status()).isEqualTo(200);
        Document stored = mongo.findById(id, Document.class, "hazards");
        long revision = ((Number) stored.get("revision")).longValue();

        // a stale update (an older revision in another state) and a repeated one change nothing
        Document stale = new Document(stored);
        stale.put("revision", revision - 1);
        stale.put("state", "CLOSED");
        lists.apply(List.of(stale));
        lists.apply(List.of(stored));
        assertListedAs(est, id, "TRANSFERRED");

        // a crash between the hazard and its rows: the rows are gone; the next event of the hazard brings them back
        String lost = report(est, JINFENG, "ELECTRICAL", null, "LAW_ENFORCEMENT");
        Document lostHazard = mongo.findById(lost, Document.class, "hazards");
        mongo.remove(new Query(Criteria.where("_id").is(est)), HazardLists.LEDGERS);
        String day = LocalDate.ofInstant(((java.util.Date) lostHazard.get("reportedAt")).toInstant(),
                ZoneOffset.UTC).toString();
        for (String scope : List.of("city", "town:" + JINFENG)) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(scope + "#" + day)),
                    new Update().unset("rows." + lost).unset("rows." + id), HazardLists.DAYS);
        }
        // a repeated, older event of the first hazard, then an event of the lost one
        publish(Topics.HAZARD, id, reported(stored, 1));
        publish(Topics.HAZARD, lost, reported(lostHazard, ((Number) lostHazard.get("revision")).longValue()));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/v1/hazards?establishmentId=" + est)
                .json().get("items").findValuesAsString("id").containsAll(List.of(id, lost)));
        Document rows = mongo.findById(est, Document.class, HazardLists.LEDGERS).get("rows", Document.class);
        assertThat(rows.get(lost, Document.class)).doesNotContainKey("pending");
        assertListedAs(est, lost, "REPORTED");
        assertListedAs(est, id, "TRANSFERRED");
        assertThat(admin().get("/api/v1/hazards?townId=" + JINFENG + "&size=200").json().get("items")
                .findValuesAsString("id")).contains(id, lost);
    }

    @Test
    void rowsBuiltFromTheHazardsAloneAnswerAsTheHazardsDo() {
        awaitBuilt();
        String est = unique("est-tangqiao");
        report(est, TANGQIAO, "GAS", "MAJOR", "LAW_ENFORCEMENT");
        report(est, TANGQIAO, "FIRE_SAFETY", null, "GRID_PATROL");
        // as at the first start after the rows were introduced: hazards, no rows (the collections keep their indexes)
        for (String collection : List.of(HazardLists.LEDGERS, HazardLists.DAYS, HazardLists.MONTHS,
                HazardLists.SCOPES)) {
            mongo.remove(new Query(), collection);
        }
        lists.build();
        Criteria tangqiao = Criteria.where("townId").is(TANGQIAO);
        for (Listing listing : List.of(listing("admin", this::admin, null, "size", "50"),
                listing("admin", this::admin, null, "severity", "MAJOR", "page", "1", "size", "2"),
                listing("town", () -> townOfficer(TANGQIAO), tangqiao),
                listing("admin", this::admin, null, "establishmentId", est, "sort", "category,asc"))) {
            assertSameAsTheHazards(listing);
        }
        assertThat(admin().get("/api/v1/hazards/ledger?establishmentId=" + est).json().get("totalElements").asLong())
                .isEqualTo(2);
    }

    private void assertListedAs(String est, String id, String state) {
        for (String path : List.of("/api/v1/hazards?establishmentId=" + est, "/api/v1/hazards?size=200",
                "/api/v1/hazards?townId=" + JINFENG + "&size=200", "/api/v1/hazards/ledger?establishmentId=" + est)) {
            JsonNode item = null;
            for (JsonNode candidate : admin().get(path).json().get("items")) {
                if (id.equals(candidate.get("id").asString())) {
                    item = candidate;
                }
            }
            assertThat(item).as(path).isNotNull();
            assertThat(item.get("state").asString()).as(path).isEqualTo(state);
        }
    }

    private static HazardReported reported(Document hazard, long revision) {
        HazardSnapshot snapshot = new HazardSnapshot(hazard.getString("_id"), hazard.getString("establishmentId"),
                hazard.getString("townId"), hazard.getString("departmentId"), hazard.getString("category"),
                hazard.getString("severity"), hazard.getString("source"), "REPORTED", null, false, revision,
                Instant.now(), "city-admin", "CITY_ADMIN", null);
        return new HazardReported(snapshot, null, "隐患", "city-admin", Instant.now(), null, null);
    }

    private void awaitBuilt() {
        await().atMost(Duration.ofSeconds(30)).until(lists::ready);
    }

    private static Listing listing(String who, Supplier<TestHttp> caller, Criteria scope, String... parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return new Listing(who, caller, scope, map);
    }

    /** The API's page beside the same query on {@code hazards} (again, briefly, while other writes settle). */
    private void assertSameAsTheHazards(Listing listing) {
        Map<String, String> p = listing.parameters();
        StringBuilder path = new StringBuilder("/api/v1/hazards?");
        p.forEach((k, v) -> path.append(k).append('=').append(v).append('&'));
        List<Criteria> all = new ArrayList<>();
        for (String field : List.of("establishmentId", "townId", "departmentId", "category", "state", "source",
                "severity")) {
            if (p.containsKey(field)) {
                all.add(Criteria.where(field).is(p.get(field)));
            }
        }
        if (p.containsKey("overdue")) all.add(Criteria.where("overdue").is(Boolean.parseBoolean(p.get("overdue"))));
        if (p.containsKey("from")) all.add(Criteria.where("reportedAt").gte(Instant.parse(p.get("from"))));
        if (p.containsKey("to")) all.add(Criteria.where("reportedAt").lt(Instant.parse(p.get("to"))));
        if (listing.scope() != null) all.add(listing.scope());
        Query query = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all));
        String[] sort = p.getOrDefault("sort", "reportedAt,desc").split(",");
        int page = Integer.parseInt(p.getOrDefault("page", "0"));
        int size = Integer.parseInt(p.getOrDefault("size", "20"));
        List<String> got = List.of();
        List<String> expected = List.of();
        long total = -1;
        long expectedTotal = -2;
        for (int attempt = 0; attempt < 5 && !(got.equals(expected) && total == expectedTotal); attempt++) {
            JsonNode answer = listing.caller().get().get(path.toString()).json();
            got = answer.get("items").findValuesAsString("id");
            total = answer.get("totalElements").asLong();
            Query slice = Query.of(query).with(Sort.by(Sort.Direction.fromString(sort[1]), sort[0]).and(Sort.by("_id")))
                    .skip((long) page * size).limit(size);
            slice.fields().include("_id");
            expected = mongo.find(slice, Document.class, "hazards").stream().map(d -> d.getString("_id")).toList();
            expectedTotal = mongo.count(query, "hazards");
        }
        assertThat(got).as(listing.who() + " " + path).isEqualTo(expected);
        assertThat(total).as(listing.who() + " " + path + " total").isEqualTo(expectedTotal);
    }
}
