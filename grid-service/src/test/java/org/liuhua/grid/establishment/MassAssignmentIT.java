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
 * the officer bindings, audit fields — cannot be set by the client.
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
        body.put("officers", List.of(Map.of("personId", "p-mallory", "role", "SAFETY_DIRECTOR")));
        TestHttp.Response created = admin().post("/api/v1/establishments", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode stored = admin().get("/api/v1/establishments/" + body.get("id")).json();
        assertThat(stored.get("revision").asLong()).isEqualTo(1);
        assertThat(stored.get("colour").asString()).isEqualTo("BLUE");
        assertThat(stored.get("officers")).isEmpty();
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
