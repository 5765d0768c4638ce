package org.liuhua.kit.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.kit.web.ProblemAnswersIT.assertProblem;

/**
 * A body that cannot be read names the JSON path of the value, never just {@code body}: wrong types, bad dates,
 * numbers where a date is expected, unknown enum values and malformed JSON, at any depth; a 429 carries
 * {@code Retry-After}; an authorization rule is checked before the body is validated.
 */
class BodyErrorsIT extends KitIntegrationTest {

    @LocalServerPort
    int port;

    TestHttp as(String role) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user(role.toLowerCase(), role));
    }

    TestHttp admin() {
        return as(Roles.CITY_ADMIN);
    }

    String refusedField(Object body, String expectedField) {
        TestHttp.Response response = admin().post("/api/v1/probes/sync", body);
        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").path(0).path("field").asString()).as(response.toString())
                .isEqualTo(expectedField);
        return response.json().path("errors").path(0).path("message").asString();
    }

    static Map<String, Object> checkIn(Object deviceTime) {
        return Map.of("establishmentId", "est-jinfeng-0001", "deviceTime", deviceTime);
    }

    @Test
    void aBadInstantDeepInABatchNamesItsPath() {
        String message = refusedField(Map.of("patrolId", "p-1", "checkIns", List.of(
                checkIn("2026-11-30T08:00:00Z"), checkIn("2026-11-30T09:00:00Z"), checkIn("2026-11-30T10:00:00Z"),
                checkIn("yesterday"))), "checkIns[3].deviceTime");
        assertThat(message).contains("'yesterday'").doesNotContain("java.");
    }

    @Test
    void aNumberWhereADateTimeIsExpectedIsRefusedNamingTheField() {
        refusedField(Map.of("patrolId", "p-1", "at", 1_700_000_000), "at");
        refusedField(Map.of("patrolId", "p-1", "checkIns", List.of(checkIn(1_700_000_000L))),
                "checkIns[0].deviceTime");
        refusedField(Map.of("patrolId", "p-1", "checkIns", List.of(checkIn(1.5))), "checkIns[0].deviceTime");

        TestHttp.Response localDate = admin().post("/api/v1/probes/dated", Map.of("title", "fence",
                "deadline", 20_000));
        assertProblem(localDate, 400, "invalid-input");
        assertThat(localDate.json().path("errors").path(0).path("field").asString()).isEqualTo("deadline");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        String message = refusedField(Map.of("patrolId", "p-1", "checkIns", List.of(
                Map.of("establishmentId", "e-1", "kind", "FLEW_OVER"))), "checkIns[0].kind");
        assertThat(message).contains("ARRIVED").contains("LEFT");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        refusedField(Map.of("patrolId", "p-1", "checkIns", "all of them"), "checkIns");
        refusedField(Map.of("patrolId", "p-1", "checkIns", List.of("e-1")), "checkIns[0]");
        refusedField(Map.of("patrolId", Map.of("id", 1)), "patrolId");
        refusedField(Map.of("patrolId", "p-1", "at", "2026-11-30"), "at");
    }

    @Test
    void malformedJsonNamesWhereTheParserStopped() {
        refusedField("{\"patrolId\": \"p-1\", \"checkIns\": [{\"establishmentId\": \"e-1\"}, "
                + "{\"establishmentId\": \"e-2\", \"deviceTime\": tomorrow}]}", "checkIns[1].deviceTime");
        refusedField("{\"patrolId\": \"p-1\", \"note\": ", "note");
        refusedField("not json at all", "body");
        refusedField("", "body");
    }

    @Test
    void anArrayOrAScalarWhereTheBodyMustBeAnObjectNamesTheBody() {
        assertThat(refusedField("[]", "body")).isEqualTo("must be an object");
        refusedField("[{\"patrolId\": \"p-1\"}]", "body");
        refusedField("\"p-1\"", "body");
    }

    @Test
    void aUsedUpBudgetIs429WithRetryAfterInSecondsAndAProblemType() {
        TestHttp.Response response = admin().get("/api/v1/probes/limited");

        assertProblem(response, 429, "rate-limited");
        assertThat(response.header("Retry-After")).isEqualTo("91");
        assertThat(response.json().path("detail").asString()).contains("five reports");
    }

    @Test
    void aRoleThatMayNotCallAnOperationGets403BeforeItsBodyIsValidated() {
        Map<String, Object> invalid = Map.of("title", " ", "deadline", "next tuesday");

        assertProblem(as(Roles.STAFF).post("/api/v1/probes/guarded", invalid), 403, "forbidden");
        assertProblem(as(Roles.STAFF).post("/api/v1/probes/guarded", "{broken"), 403, "forbidden");
        assertProblem(as(Roles.TOWN_OFFICER).get("/api/v1/probes/counted?count=many"), 400,
                "invalid-input");
        assertProblem(admin().post("/api/v1/probes/guarded", invalid), 400, "invalid-input");
        assertThat(admin().post("/api/v1/probes/guarded", Map.of("title", "fence")).status()).isEqualTo(200);
    }
}
