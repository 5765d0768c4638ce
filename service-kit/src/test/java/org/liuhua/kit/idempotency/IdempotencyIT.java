package org.liuhua.kit.idempotency;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on a service's writes: a retry of a write whose answer was lost gets the first answer and
 * changes nothing; the key cannot be reused for another request; only successful answers are kept.
 */
class IdempotencyIT extends KitIntegrationTest {

    static final String COUNTERS = "/api/v1/probes/counters";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    TestHttp as(String user) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user(user, Roles.CITY_ADMIN));
    }

    int total() {
        return as("reader").get(COUNTERS + "/total").json().path("total").asInt();
    }

    static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    @Test
    void aRepeatWithTheSameKeyGetsTheFirstAnswerAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = as("inspector-li").post(COUNTERS, Map.of("label", "巡查"), key(key));
        int after = total();

        TestHttp.Response repeat = as("inspector-li").post(COUNTERS, Map.of("label", "巡查"), key(key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.contentType()).startsWith("application/json");
        assertThat(total()).as("nothing created twice").isEqualTo(after);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").regex(key)), IdempotencyFilter.COLLECTION))
                .isTrue();
    }

    @Test
    void theSameKeyOfAnotherCallerIsAnotherRequest() {
        String key = UUID.randomUUID().toString();
        TestHttp.Response mine = as("inspector-li").post(COUNTERS, Map.of("label", "a"), key(key));
        TestHttp.Response theirs = as("inspector-wang").post(COUNTERS, Map.of("label", "a"), key(key));

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().path("number").asInt()).isNotEqualTo(mine.json().path("number").asInt());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422NamingTheHeader() {
        String key = UUID.randomUUID().toString();
        as("inspector-li").post(COUNTERS, Map.of("label", "a"), key(key));

        TestHttp.Response other = as("inspector-li").post(COUNTERS, Map.of("label", "b"), key(key));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().path("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(other.json().path("errors").path(0).path("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void aRefusedRequestIsNotKeptSoACorrectedRetryUnderTheSameKeyRuns() {
        String key = UUID.randomUUID().toString();
        TestHttp.Response refused = as("inspector-li").post(COUNTERS, Map.of("note", "no label"), key(key));
        assertThat(refused.status()).isEqualTo(400);

        TestHttp.Response fixed = as("inspector-li").post(COUNTERS, Map.of("note", "no label"), key(key));
        assertThat(fixed.status()).as("the same request again runs again").isEqualTo(400);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
        assertThat(as("inspector-li").post(COUNTERS, Map.of("label", "now"), key(key)).status()).isEqualTo(201);
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        CompletableFuture<TestHttp.Response> first = CompletableFuture.supplyAsync(() ->
                as("inspector-li").post(COUNTERS, Map.of("label", "slow", "slow", 1500), key(key)));
        Thread.sleep(500);

        TestHttp.Response meanwhile = as("inspector-li").post(COUNTERS, Map.of("label", "slow", "slow", 1500),
                key(key));

        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.json().path("type").asString()).endsWith("/request-in-progress");
        assertThat(meanwhile.header("Retry-After")).isNotBlank();
        assertThat(first.get().status()).isEqualTo(201);
    }

    @Test
    void aBadKeyIs400NamingTheHeaderAndRequestsWithoutOneAreNotKept() {
        TestHttp.Response bad = as("inspector-li").post(COUNTERS, Map.of("label", "a"), key("x".repeat(201)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").path(0).path("field").asString()).isEqualTo("Idempotency-Key");

        int before = total();
        as("inspector-li").post(COUNTERS, Map.of("label", "a"));
        as("inspector-li").post(COUNTERS, Map.of("label", "a"));
        assertThat(total()).isEqualTo(before + 2);
    }
}
