package org.liuhua.hazard.loop;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox per role (H-4, H-5): what needs the town, the department and the city now, within their scope. */
class InboxIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void eachOfficerSeesWhatNeedsThemInTheirOwnScope() {
        String transferred = report(unique("est-jinfeng"), JINFENG, "GAS", null, "LAW_ENFORCEMENT");
        TestHttp town = townOfficer(JINFENG);
        town.post("/api/v1/hazards/" + transferred + "/transfer", Map.of("departmentId", "dept-commerce",
                "note", "移交商务局"));
        String major = report(unique("est-jinfeng"), JINFENG, "DUST_EXPLOSION", "MAJOR", "LAW_ENFORCEMENT");
        // as the escalation pass leaves an unacknowledged transfer after 7 days: escalated to the town
        mongo.getCollection("hazards").updateOne(new Document("_id", transferred),
                new Document("$set", new Document("acknowledgeEscalationLevel", 2)));

        JsonNode townInbox = town.get("/api/v1/hazards/inbox?size=200").json();
        assertThat(townInbox.get("role").asString()).isEqualTo("TOWN_OFFICER");
        assertThat(ids(townInbox, "transfersAwaitingAcknowledgement")).contains(transferred);
        assertThat(ids(townInbox, "majorAwaitingSupervisionOrder")).contains(major).doesNotContain(transferred);
        assertThat(ids(townInbox, "escalated")).contains(transferred).doesNotContain(major);
        assertThat(townInbox.get("sections").get("escalated").get("count").asLong()).isPositive();

        JsonNode commerce = departmentOfficer("dept-commerce").get("/api/v1/hazards/inbox?size=200").json();
        assertThat(ids(commerce, "transfersToAcknowledge")).contains(transferred);
        assertThat(ids(departmentOfficer("dept-fire").get("/api/v1/hazards/inbox?size=200").json(), "transfersToAcknowledge"))
                .doesNotContain(transferred);

        JsonNode other = townOfficer(TANGQIAO).get("/api/v1/hazards/inbox?size=200").json();
        assertThat(ids(other, "transfersAwaitingAcknowledgement")).doesNotContain(transferred);
        assertThat(ids(other, "majorAwaitingSupervisionOrder")).doesNotContain(major);

        JsonNode city = admin().get("/api/v1/hazards/inbox?size=200").json();
        assertThat(ids(city, "escalated")).as("the city's inbox holds what reached the city (level 3)")
                .doesNotContain(transferred);
        assertThat(inspector(unique("insp")).get("/api/v1/hazards/inbox?size=200").status()).isEqualTo(403);

        town.post("/api/v1/hazards/" + major + "/supervision-order", Map.of("orderNumber", "锦丰督〔2026〕31号"));
        assertThat(ids(town.get("/api/v1/hazards/inbox?size=200").json(), "majorAwaitingSupervisionOrder"))
                .doesNotContain(major);
    }

    private static java.util.List<String> ids(JsonNode inbox, String section) {
        return inbox.get("sections").get(section).get("items").findValuesAsString("id");
    }
}
