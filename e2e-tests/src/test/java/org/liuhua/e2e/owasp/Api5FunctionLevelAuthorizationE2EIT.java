package org.liuhua.e2e.owasp;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.e2e.RunningPlatform;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API5:2023 Broken Function Level Authorization. A role that may not call an operation gets 403 — before any
 * validation of its input, so a forbidden caller learns nothing about what the operation would accept.
 */
class Api5FunctionLevelAuthorizationE2EIT {

    @Test
    void readOnlyAndNarrowRolesGet403ForWritesTheyMayNotMakeEvenWithInvalidBodies() {
        record Probe(String user, String path, Object body) {
        }
        List<Probe> probes = List.of(
                new Probe("cockpit-viewer", "/api/v1/hazards", Map.of()),
                new Probe("cockpit-viewer", "/api/v1/hazards", Map.of("deadline", 12)),
                new Probe("cockpit-viewer", "/api/v1/establishments", Map.of("id", "")),
                new Probe("staff", "/api/v1/towns", Map.of("id", "x", "kind", "NOT-A-KIND")),
                new Probe("town-officer", "/api/v1/departments", Map.of()),
                new Probe("inspector", "/api/v1/departments", Map.of("id", 42)),
                new Probe("enterprise-officer", "/api/v1/contracts", Map.of("validFrom", "not-a-date")),
                new Probe("department-officer", "/api/v1/inspectors", Map.of("phone", List.of())));
        for (Probe probe : probes) {
            TestHttp.Response response = Probes.as(probe.user()).post(probe.path(), probe.body());
            assertThat(response.status()).as(probe + " → " + response).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aThirdPartyFirmCannotGrantItselfContractsNorReadTheAuditTrail() {
        TestHttp firm = RunningPlatform.gatewayAs(RunningPlatform.clientToken("demo-firm", "demo-firm-secret"));
        Probes.assertProblem(firm.post("/api/v1/contracts", Map.of("firmId", "demo-firm", "establishmentIds",
                List.of("est-leyu-0001"), "validFrom", "2026-01-01", "validTo", "2027-01-01")), 403);
        Probes.assertProblem(firm.get("/api/v1/audit"), 403);
        Probes.assertProblem(Probes.as("town-officer").get("/api/v1/audit"), 403);
    }
}
