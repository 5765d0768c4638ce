package org.liuhua.grid.establishment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API3 (mass assignment): what the server derives or owns — the town of a unit, the revision, the risk colour,
 * who bound an officer and whether the binding ended, audit fields — cannot be set by the client. (The officers
 * themselves may be named in a registration, by the same callers who may bind them one by one.)
 */
class MassAssignmentIT extends GridIT {

    @Test
    void serverOwnedFieldsSentByTheClientAreIgnored() {
        Place place = place(TOWN, "GENERAL");
        Map<String, Object> body = establishment(unique("est-jinfeng"), place, "LOW");
        body.put("revision", 99);
        body.put("colour", "RED");
        body.put("registeredAt", "2020-01-01T00:00:00Z");
        body.put("createdBy", "mallory");
        body.put("officers", List.of(Map.of("personId", "p-mallory", "name", "马安全", "role", "SAFETY_DIRECTOR",
                "changedBy", "mallory", "until", "2020-01-01T00:00:00Z")));
        TestHttp.Response created = admin().post("/api/v1/establishments", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode stored = admin().get("/api/v1/establishments/" + body.get("id")).json();
        assertThat(stored.get("revision").asLong()).isEqualTo(1);
        assertThat(stored.get("colour").asString()).isEqualTo("BLUE");
        JsonNode officer = stored.get("officers").get(0);
        assertThat(stored.get("officers").size()).isEqualTo(1);
        assertThat(officer.get("personId").asString()).isEqualTo("p-mallory");
        assertThat(officer.get("changedBy").asString()).as("bound by the caller").isEqualTo("city-admin");
        assertThat(officer.path("until").isNull() || officer.path("until").isMissingNode()).as(officer.toString())
                .isTrue();
        assertThat(stored.get("registeredAt").asString()).doesNotStartWith("2020");
        assertThat(stored.has("createdBy")).isFalse();
    }

    @Test
    void aTownThatContradictsTheUnitIsRefusedAndATownOfficerCannotPlaceIntoAnotherTown() {
        Place jinfeng = place(TOWN, "GENERAL");
        Map<String, Object> body = establishment(unique("est-jinfeng"), jinfeng, "LOW");
        body.put("townId", OTHER_TOWN);
        TestHttp.Response contradicting = admin().post("/api/v1/establishments", body);
        assertThat(contradicting.status()).isEqualTo(400);
        assertThat(contradicting.json().get("errors").findValuesAsString("field")).contains("townId");

        Place leyu = place(OTHER_TOWN, "GENERAL");
        TestHttp.Response elsewhere = townOfficer(TOWN).post("/api/v1/establishments",
                establishment(unique("est-leyu"), leyu, "LOW"));
        assertThat(elsewhere.status()).isEqualTo(403);
    }
}
