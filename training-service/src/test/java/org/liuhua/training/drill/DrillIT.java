package org.liuhua.training.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentSnapshot;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.training.TrainingIT;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drills (T-7): 先演练、后生产 for new tenants, 厂中厂 coverage, the half-yearly rule. */
class DrillIT extends TrainingIT {

    @Test
    void aNewTenantWithoutADrillIsListedUntilADrillCoversIt() {
        String town = "zjg-" + unique("dr");
        String landlord = establishment(town, "INDUSTRIAL", "MACHINERY", "dept-industry", null, List.of());
        String old = establishment(town, "INDUSTRIAL", "TEXTILES", "dept-industry", landlord, List.of());
        TestHttp.Response first = admin().post("/api/v1/training/drills", Map.of("establishmentId", landlord,
                "type", "EVACUATION", "heldOn", calendar.today().toString(), "participants", 120,
                "tenantsCovered", List.of(old)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("allTenantsCovered").asBoolean()).isTrue();

        // a new tenant moves in (grid links it to the landlord)
        String tenant = establishment(town, "INDUSTRIAL", "WOODWORKING", "dept-industry", null, List.of());
        announce(tenant, town, "INDUSTRIAL", "WOODWORKING", "dept-industry", landlord, List.of("DUST_EXPLOSION"),
                true);
        JsonNode listed = townOfficer(town).get("/api/v1/training/drills/tenants-without-drill?townId=" + town)
                .json();
        assertThat(listed.get("items").findValuesAsString("tenantId")).containsExactly(tenant);
        assertThat(listed.get("items").get(0).get("landlordId").asString()).isEqualTo(landlord);
        JsonNode due = admin().get("/api/v1/training/drills/due?townId=" + town).json();
        JsonNode landlordDue = null;
        for (JsonNode d : due.get("items")) {
            if (d.get("establishmentId").asString().equals(landlord)) {
                landlordDue = d;
            }
        }
        assertThat(landlordDue).as("the landlord's drill no longer covers all tenants: " + due).isNotNull();
        assertThat(landlordDue.get("reason").asString()).isEqualTo("NO_DRILL_COVERING_ALL_TENANTS");
        assertThat(landlordDue.get("uncoveredTenants").toString()).contains(tenant);

        TestHttp.Response stranger = admin().post("/api/v1/training/drills", Map.of("establishmentId", landlord,
                "type", "FIRE", "heldOn", calendar.today().toString(), "participants", 10,
                "tenantsCovered", List.of(establishment(town))));
        assertThat(stranger.status()).as("only the landlord's own tenants").isEqualTo(400);

        TestHttp.Response covering = enterpriseOfficer(landlord).post("/api/v1/training/drills", Map.of(
                "establishmentId", landlord, "type", "FIRE", "heldOn", calendar.today().toString(),
                "participants", 160, "tenantsCovered", List.of(old, tenant), "photos", List.of("drill-1.jpg")));
        assertThat(covering.status()).as(covering.toString()).isEqualTo(201);
        assertThat(covering.json().get("allTenantsCovered").asBoolean()).isTrue();
        assertThat(admin().get("/api/v1/training/drills/tenants-without-drill?townId=" + town).json()
                .get("totalElements").asInt()).isZero();
        assertThat(admin().get("/api/v1/training/drills/due?townId=" + town).json().get("items")
                .findValuesAsString("establishmentId")).doesNotContain(landlord);
    }

    @Test
    void aClosedTenantIsNoLongerATenantTheDrillMustCover() {
        String town = "zjg-jinfeng";
        String landlord = establishment(town, "INDUSTRIAL", "MACHINERY", "dept-industry", null, List.of());
        String tenant = establishment(town, "INDUSTRIAL", "WOODWORKING", "dept-industry", landlord, List.of());
        assertThat(admin().get("/api/v1/training/drills/tenants-without-drill?townId=" + town + "&size=200").json()
                .get("items").findValuesAsString("tenantId")).contains(tenant);

        // grid closes the tenant (关闭/注销): its snapshot keeps the link as history, with status CLOSED
        long revision = 1_000_000 + System.nanoTime() % 1_000_000;
        publish(Topics.GRID, tenant, new EstablishmentChanged(tenant, "张家港某企业 " + tenant, "INDUSTRIAL",
                "WOODWORKING", "dept-industry", town, town + "-v01", town + "-v01-g1", town + "-v01-g1-u1", "GENERAL",
                List.of(), 80, "某路1号", 31.9, 120.6, landlord, null, clock.instant(), revision, 1, List.of(),
                EstablishmentSnapshot.CLOSED, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("_id").is(tenant)
                .and("revision").is(revision)), "establishments"));

        assertThat(admin().get("/api/v1/training/drills/tenants-without-drill?townId=" + town + "&size=200").json()
                .get("items").findValuesAsString("tenantId")).doesNotContain(tenant);
    }

    @Test
    void keySectorsAndCrowdedPlacesWithoutADrillThisHalfYearAreDue() {
        String town = "zjg-" + unique("dr");
        String venue = establishment(town, "SMALL_VENUE", "CATERING", "dept-market", null, List.of());
        String chemicals = establishment(town, "INDUSTRIAL", "CHEMICALS", "dept-emergency", null,
                List.of("HAZARDOUS_CHEMICALS"));
        String office = establishment(town, "INDUSTRIAL", "ELECTRONICS", "dept-industry", null, List.of());
        assertThat(admin().get("/api/v1/training/drills/due?townId=" + town).json().get("items")
                .findValuesAsString("establishmentId")).containsExactlyInAnyOrder(venue, chemicals);
        admin().post("/api/v1/training/drills", Map.of("establishmentId", venue, "type", "EVACUATION",
                "heldOn", calendar.today().toString(), "participants", 12));
        assertThat(admin().get("/api/v1/training/drills/due?townId=" + town).json().get("items")
                .findValuesAsString("establishmentId")).containsExactly(chemicals).doesNotContain(office);
        assertThat(townOfficer(TANGQIAO).get("/api/v1/training/drills/due?townId=" + town).json()
                .get("totalElements").asInt()).isZero();
    }
}
