package org.liuhua.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: an inspector's personal phone number only for the city admin, the town officer of the inspector's town
 * and the inspector themself (list items are summaries); registry inputs bounded (names, addresses, flags, failed
 * items), dates bounded (an assessment is never in the future), references checked — each refusal a 400 naming the
 * field that stores nothing.
 */
class PersonalDataAndLimitsIT extends GridIT {

    private TestHttp as(String name, String role, Map<String, Object> claims) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user(name, List.of(role), claims));
    }

    private static List<String> fields(TestHttp.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().get("errors").findValuesAsString("field");
    }

    @Test
    void anInspectorsPhoneIsShownOnlyToTheAdminTheirTownOfficerAndThemselves() {
        Place place = place(TOWN, "GENERAL");
        String inspector = registerInspector(place);
        String colleague = registerInspector(place);
        String path = "/api/v1/inspectors/" + inspector;
        String list = "/api/v1/inspectors?townId=" + TOWN + "&unitId=" + place.unitId();

        TestHttp department = as("dept-officer", Roles.DEPARTMENT_OFFICER, Map.of("department_id", "dept-emergency"));
        TestHttp cockpit = as("cockpit", Roles.COCKPIT_VIEWER, Map.of());
        for (TestHttp reader : List.of(department, cockpit, inspector(colleague))) {
            JsonNode one = reader.get(path).json();
            assertThat(one.get("id").asString()).isEqualTo(inspector);
            assertThat(one.get("phone").isNull()).as("phone for " + reader).isTrue();
            JsonNode items = reader.get(list).json().get("items");
            assertThat(items.findValuesAsString("id")).contains(inspector);
            items.forEach(item -> {
                if (item.get("id").asString().equals(inspector)) {
                    assertThat(item.get("phone").isNull()).as("listed phone for " + reader).isTrue();
                }
            });
        }
        for (TestHttp reader : List.of(admin(), townOfficer(TOWN), inspector(inspector))) {
            assertThat(reader.get(path).json().get("phone").asString()).isEqualTo("13800000000");
        }
        JsonNode mine = townOfficer(TOWN).get(list).json().get("items");
        assertThat(mine.findValuesAsString("phone")).contains("13800000000");
        mine.forEach(item -> assertThat(item.has("bindings")).as("a list item is a summary").isFalse());
        assertThat(townOfficer(OTHER_TOWN).get(path).status()).isEqualTo(404);
    }

    @Test
    void oversizedRegistryFieldsAreRefusedNamingTheFieldAndNothingIsStored() {
        Place place = place(TOWN, "GENERAL");
        String id = unique("est-big");
        Map<String, Object> body = new LinkedHashMap<>(establishment(id, place, "LOW"));
        body.put("address", "锦".repeat(201));
        body.put("name", "企".repeat(101));
        body.put("industry", "X".repeat(51));
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            flags.add("FLAG_" + i);
        }
        body.put("flags", flags);
        assertThat(fields(admin().post("/api/v1/establishments", body)))
                .containsExactlyInAnyOrder("address", "name", "industry", "flags");
        assertThat(admin().get("/api/v1/establishments/" + id).status()).isEqualTo(404);

        JsonNode batch = admin().post("/api/v1/establishments/batch", List.of(body)).json();
        assertThat(batch.get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(batch.get(0).get("errors").findValuesAsString("field")).contains("address", "flags");
        assertThat(admin().get("/api/v1/establishments/" + id).status()).isEqualTo(404);

        Map<String, Object> tenant = new LinkedHashMap<>(establishment(id, place, "LOW"));
        tenant.put("landlordId", unique("est-none"));
        tenant.put("clusterId", unique("cluster-none"));
        assertThat(fields(admin().post("/api/v1/establishments", tenant)))
                .containsExactlyInAnyOrder("landlordId", "clusterId");
        assertThat(admin().get("/api/v1/establishments/" + id).status()).isEqualTo(404);

        Map<String, Object> inspector = Map.of("id", unique("insp"), "name", "巡".repeat(101), "employment",
                "FULL_TIME", "townId", TOWN, "phone", "1".repeat(33));
        assertThat(fields(admin().post("/api/v1/inspectors", inspector))).containsExactlyInAnyOrder("name", "phone");

        String registered = registerInspector(place);
        assertThat(fields(admin().post("/api/v1/inspectors/" + registered + "/bindings",
                Map.of("unitId", place.unitId(), "since", "2999-01-01")))).containsExactly("since");
        String est = registerEstablishment(place, "LOW");
        assertThat(fields(admin().post("/api/v1/establishments/" + est + "/officers", Map.of("personId", "p-li",
                "name", "李安全", "role", "SAFETY_OFFICER", "since", "1999-05-01")))).containsExactly("since");
        // the same limits as an officer named in a registration, every bad field at once
        assertThat(fields(admin().post("/api/v1/establishments/" + est + "/officers", Map.of("personId", " ",
                "name", "李".repeat(101), "role", "JANITOR", "workshop", "间".repeat(65), "since", "2999-01-01"))))
                .containsExactlyInAnyOrder("personId", "name", "role", "workshop", "since");
        assertThat(admin().get("/api/v1/establishments/" + est).json().get("officers").size()).isZero();
    }

    @Test
    void aClusterAssessmentInTheFutureOrWithTooManyFailedItemsIsRefused() {
        Place place = place(TOWN, "GENERAL");
        String member = registerEstablishment(place, "GENERAL");
        String cluster = unique("cluster");
        ok(townOfficer(TOWN).post("/api/v1/clusters", Map.of("id", cluster, "name", "锦丰工业集中区", "townId", TOWN,
                "memberIds", List.of(member))));
        String path = "/api/v1/clusters/" + cluster + "/assessments";
        assertThat(fields(townOfficer(TOWN).post(path, Map.of("establishmentId", member, "passed", true,
                "assessedAt", "2999-01-01T00:00:00Z")))).containsExactly("assessedAt");
        assertThat(fields(townOfficer(TOWN).post(path, Map.of("establishmentId", member, "passed", true,
                "assessedAt", "1999-01-01T00:00:00Z")))).containsExactly("assessedAt");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            failed.add("item-" + i);
        }
        assertThat(fields(townOfficer(TOWN).post(path, Map.of("establishmentId", member, "passed", false,
                "failedItems", failed)))).containsExactly("failedItems");
        assertThat(fields(townOfficer(TOWN).post(path, Map.of("establishmentId", member, "passed", false,
                "failedItems", List.of("x".repeat(201)))))).containsExactly("failedItems[0]");
        assertThat(admin().get("/api/v1/clusters/" + cluster).json().toString()).doesNotContain("item-0");
        ok(townOfficer(TOWN).post(path, Map.of("establishmentId", member, "passed", true)));
    }
}
