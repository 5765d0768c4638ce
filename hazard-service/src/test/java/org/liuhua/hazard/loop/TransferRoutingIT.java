package org.liuhua.hazard.loop;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardTransferRefused;
import org.liuhua.events.hazard.HazardTransferRerouted;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Transfers between departments (H-9): the department transferred to re-routes or refuses, with a reason. */
class TransferRoutingIT extends HazardIT {

    @Test
    void aDepartmentReroutesOrRefusesATransferWithAReasonAndTheTownSeesItBack() {
        String id = report(unique("est-jinfeng"), JINFENG, "GAS", null, "LAW_ENFORCEMENT");
        TestHttp town = townOfficer(JINFENG);
        TestHttp commerce = departmentOfficer("dept-commerce");
        TestHttp industry = departmentOfficer("dept-industry");
        town.post("/api/v1/hazards/" + id + "/transfer", Map.of("departmentId", "dept-commerce", "note", "移交商务局"));

        assertThat(departmentOfficer("dept-fire").post("/api/v1/hazards/" + id + "/refuse-transfer",
                Map.of("reason", "x")).status()).as("another department does not see it").isEqualTo(404);
        assertThat(town.post("/api/v1/hazards/" + id + "/refuse-transfer", Map.of("reason", "x")).status())
                .isEqualTo(403);
        TestHttp.Response noReason = commerce.post("/api/v1/hazards/" + id + "/refuse-transfer", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        TestHttp.Response unknown = commerce.post("/api/v1/hazards/" + id + "/reroute-transfer",
                Map.of("departmentId", "dept-nowhere", "reason", "转交"));
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("departmentId");

        TestHttp.Response rerouted = commerce.post("/api/v1/hazards/" + id + "/reroute-transfer",
                Map.of("departmentId", "dept-industry", "reason", "工业企业燃气使用安全由工信部门监管，转交工信局"));
        assertThat(rerouted.status()).as(rerouted.toString()).isEqualTo(200);
        assertThat(rerouted.json().get("state").asString()).isEqualTo("TRANSFERRED");
        assertThat(rerouted.json().get("transferredDepartmentId").asString()).isEqualTo("dept-industry");
        assertThat(commerce.get("/api/v1/hazards/" + id).status()).as("no longer the commerce bureau's").isEqualTo(404);

        TestHttp.Response refused = industry.post("/api/v1/hazards/" + id + "/refuse-transfer",
                Map.of("reason", "该单位为餐饮场所，不属于工信部门监管范围"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        assertThat(refused.json().get("state").asString()).isEqualTo("REPORTED");
        assertThat(refused.json().get("refusedDepartmentId").asString()).isEqualTo("dept-industry");
        assertThat(refused.json().get("allowedCommands").toString()).contains("transfer");
        assertThat(industry.post("/api/v1/hazards/" + id + "/refuse-transfer", Map.of("reason", "again")).status())
                .isEqualTo(404);

        JsonNode inbox = town.get("/api/v1/hazards/inbox?size=200").json();
        assertThat(inbox.get("sections").get("transfersRefused").get("items").findValuesAsString("id")).contains(id);
        assertThat(town.post("/api/v1/hazards/" + id + "/transfer", Map.of("departmentId", "dept-commerce",
                "note", "经协调，移交商务局")).json().get("state").asString()).isEqualTo("TRANSFERRED");
        assertThat(admin().get("/api/v1/hazards/" + id).json().get("history").findValuesAsString("command"))
                .containsExactly("report", "transfer", "reroute-transfer", "refuse-transfer", "transfer");

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            var events = probe.await(r -> id.equals(r.key()) && (r.value().getType().endsWith("transfer-refused.v1")
                    || r.value().getType().endsWith("transfer-rerouted.v1")), 2, Duration.ofSeconds(20));
            for (var record : events) {
                if (record.value().getType().endsWith("transfer-refused.v1")) {
                    HazardTransferRefused e = EventJson.read(record.value(), HazardTransferRefused.class);
                    assertThat(e.refusedDepartmentId()).isEqualTo("dept-industry");
                    assertThat(e.state()).isEqualTo("REPORTED");
                } else {
                    HazardTransferRerouted e = EventJson.read(record.value(), HazardTransferRerouted.class);
                    assertThat(e.fromDepartmentId()).isEqualTo("dept-commerce");
                    assertThat(e.toDepartmentId()).isEqualTo("dept-industry");
                    assertThat(e.acknowledgeBy()).isNotNull();
                }
            }
        }
    }
}
