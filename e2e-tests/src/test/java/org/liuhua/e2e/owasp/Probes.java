package org.liuhua.e2e.owasp;

import java.util.ArrayList;
import java.util.List;

import org.liuhua.e2e.RunningPlatform;
import org.liuhua.kit.test.TestHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What the OWASP probes share: the callers by role and the shape of a refusal. */
final class Probes {

    private Probes() {
    }

    static TestHttp as(String user) {
        return RunningPlatform.gatewayAs(RunningPlatform.userToken(user));
    }

    static TestHttp admin() {
        return RunningPlatform.gateway();
    }

    static TestHttp anonymous() {
        return new TestHttp(RunningPlatform.get().gatewayUrl());
    }

    /** A refusal as RFC 9457 problem+json with the given status. */
    static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
    }

    /** A 400 problem whose errors name the given field or parameter. */
    static void assertNames(TestHttp.Response response, String field) {
        assertProblem(response, 400);
        assertThat(fields(response)).as(response.toString()).contains(field);
    }

    static List<String> fields(TestHttp.Response response) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : response.json().path("errors")) {
            fields.add(error.path("field").asString());
        }
        return fields;
    }

    static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }
}
