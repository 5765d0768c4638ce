package org.liuhua.manual.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.EstablishmentSnapshot;
import org.liuhua.events.manual.TemplatePublished;
import org.liuhua.kit.test.DeliveryOrders;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.manual.ManualIT;
import org.liuhua.manual.establishment.KnownEstablishments;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level, for manual-service: every event type its routers handle — grid-service's
 * establishment snapshots (registered, changed) and its own template publications — delivered each twice, out of
 * order and both, to every router as Kafka would, leaves the state of a clean in-order delivery: the local copies of
 * the establishments at their latest revision, and an adopter's handbook at the newest published version.
 */
class ConsumedEventsDeliveryFaultsIT extends ManualIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    KnownEstablishments establishments;

    /** Per run: the template the run's adopter took (created through the API; its id is not the run's). */
    private final Map<String, String[]> adoptions = new HashMap<>();

    @Test
    void everyRoutedTypeToleratesDuplicateAndOutOfOrderDelivery() {
        assertThat(DeliveryOrders.typesOf(events("coverage", "tpl-coverage")))
                .as("the sequence covers every type a router of manual-service handles")
                .isEqualTo(DeliveryOrders.routedTypes(context));

        DeliveryOrders.assertSameState(this::sequence, DeliveryOrders.toEveryRouter(context), this::state);
    }

    /** An adopter of a freshly published template (set-up, not under test), then the run's events. */
    private List<CloudEvent> sequence(String run) {
        String adopter = "est-" + run + "-adopter";
        establishments.applyIfNewer(new KnownEstablishment(adopter, "张家港市锦丰粉末冶金有限公司", "INDUSTRIAL",
                "METAL_PRODUCTS", "dept-emergency", JINFENG, JINFENG + "-v01-g1-u1", List.of("DUST_EXPLOSION"), null,
                1));
        TestHttp department = departmentOfficer("dept-emergency");
        String template = department.post("/api/v1/templates", Map.of("code", "post-faults-" + run, "kind",
                "INDUSTRY_POST", "departmentId", "dept-emergency", "appliesTo", Map.of("industries",
                        List.of("METAL_PRODUCTS"), "flags", List.of("DUST_EXPLOSION")), "title", "粉尘涉爆岗位安全手册",
                "sections", List.of(Map.of("key", "hazards", "heading", "主要危险因素", "items",
                        List.of(Map.of("text", "铝镁粉尘爆炸", "source", "GB 15577-2018")))))).json().get("id")
                .asString();
        assertThat(department.post("/api/v1/templates/" + template + "/versions/1/publish", "").status())
                .isEqualTo(200);
        TestHttp.Response adopted = enterpriseOfficer(adopter).post("/api/v1/handbooks/" + adopter + "/adoptions",
                Map.of("templateId", template));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        adoptions.put(run, new String[] {adopter, template});
        return events(run, template);
    }

    /**
     * Two establishments of Jinfeng: one registered, its risk flags changed, then moved to Tangqiao under another
     * department; one registered only. The adopted template's versions 2 and 3 published.
     */
    private static List<CloudEvent> events(String run, String template) {
        String moving = "est-" + run + "-1";
        String staying = "est-" + run + "-2";
        List<CloudEvent> events = new ArrayList<>();
        events.add(grid(moving, new EstablishmentRegistered(snapshot(moving, JINFENG, "dept-industry",
                List.of("DUST_EXPLOSION"), 1))));
        events.add(grid(staying, new EstablishmentRegistered(snapshot(staying, JINFENG, "dept-emergency",
                List.of("LIMITED_SPACE"), 1))));
        events.add(published(template, 2));
        events.add(grid(moving, new EstablishmentChanged(snapshot(moving, JINFENG, "dept-industry",
                List.of("DUST_EXPLOSION", "HAZARDOUS_CHEMICALS"), 2))));
        events.add(published(template, 3));
        events.add(grid(moving, new EstablishmentChanged(snapshot(moving, TANGQIAO, "dept-emergency",
                List.of("HAZARDOUS_CHEMICALS"), 3))));
        return events;
    }

    private static CloudEvent grid(String id, Object payload) {
        return DeliveryOrders.event("grid-service", id, payload);
    }

    private static CloudEvent published(String template, int version) {
        return DeliveryOrders.event("manual-service", template, new TemplatePublished(template, "post-faults",
                "INDUSTRY_POST", "粉尘涉爆岗位安全手册", "dept-emergency", List.of("METAL_PRODUCTS"),
                List.of("DUST_EXPLOSION"), version, version - 1, List.of("hazards"), "dept-officer",
                Instant.parse("2026-11-02T02:00:00Z").plusSeconds(version * 86_400L)));
    }

    private static EstablishmentSnapshot snapshot(String id, String town, String department, List<String> flags,
                                                    long revision) {
        return new EstablishmentSnapshot(id, "张家港市" + id + "金属制品有限公司", "INDUSTRIAL", "METAL_PRODUCTS",
                department, town, town + "-v01", town + "-v01-g1", town + "-v01-g1-u1", "SIGNIFICANT", flags, 80,
                "张家港市兴业路" + revision + "号", 31.9, 120.6, null, null,
                Instant.parse("2026-11-01T01:00:00Z").plusSeconds(revision * 3600), revision);
    }

    private Map<String, Object> state(String run) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String est : List.of("est-" + run + "-1", "est-" + run + "-2")) {
            Document copy = mongo.findById(est, Document.class, KnownEstablishments.COLLECTION);
            assertThat(copy).as("the copy of %s", est).isNotNull();
            state.put(est, copy);
        }
        String adopter = adoptions.get(run)[0];
        var adoption = enterpriseOfficer(adopter).get("/api/v1/handbooks/" + adopter).json().get("adoptions").get(0)
                .get("adoption");
        assertThat(adoption.get("templateId").asString()).isEqualTo(adoptions.get(run)[1]);
        state.put("adopter's latest version", adoption.get("latestVersion").asInt());
        return state;
    }
}
