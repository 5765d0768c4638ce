package org.liuhua.manual.faults;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.liuhua.events.manual.HandbookReviewDue;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.manual.ManualIT;
import org.liuhua.manual.establishment.KnownEstablishments;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.liuhua.manual.handbook.Handbooks;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level: two replicas of manual-service running the handbook review reminders at once. The
 * reminders take no lease — every replica sweeps — and rely on the handbook's version: a reminder is a
 * version-guarded change of the handbook in the shared store, so two sweeping threads on one store are two processes
 * as far as the sweep can tell (the sweep keeps nothing in memory). Both tick repeatedly: one reminder per handbook.
 */
class ReviewReminderReplicasIT extends ManualIT {

    private static final int TICKS = 3;

    @Autowired
    Handbooks handbooks;
    @Autowired
    KnownEstablishments known;

    @Test
    void twoReplicasSweepingAtOnceSendOneReviewReminderPerHandbook() throws Exception {
        List<String> establishments = List.of(unique("est-replica"), unique("est-replica"));
        for (String est : establishments) {
            known.applyIfNewer(new KnownEstablishment(est, "张家港市锦丰粉末冶金有限公司", "INDUSTRIAL", "METAL_PRODUCTS",
                    "dept-emergency", JINFENG, JINFENG + "-v01-g1-u1", List.of("DUST_EXPLOSION"), null, 1));
        }
        adoptOneTemplate(establishments);
        try (TopicProbe probe = probe()) {
            clock.advance(Duration.ofDays(400));
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> sweep(start));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> sweep(start));
            assertThat(a.get() + b.get()).as("reminders sent by both replicas together")
                    .isGreaterThanOrEqualTo(establishments.size());
            for (String est : establishments) {
                probe.await(ofType(HandbookReviewDue.class, est), 1, Duration.ofSeconds(20));
            }
            Set<String> ids = new HashSet<>();
            List<String> reminded = probe.drain(r -> r.value().getType().endsWith("handbook-review-due.v1")
                    && establishments.contains(r.key()), Duration.ofSeconds(1)).stream()
                    .filter(r -> ids.add(r.value().getId())).map(r -> r.key()).toList();
            assertThat(reminded).as("one reminder per handbook").containsExactlyInAnyOrderElementsOf(establishments);
        }
    }

    private int sweep(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int sent = 0;
        for (int i = 0; i < TICKS; i++) {
            sent += handbooks.remindReviews();
        }
        return sent;
    }

    private void adoptOneTemplate(List<String> adopters) {
        // a code sorting after the fixtures' (TemplateIT reads the first page of dust-explosion templates)
        TestHttp department = departmentOfficer("dept-emergency");
        String id = department.post("/api/v1/templates", Map.of("code", unique("post-replicas").toLowerCase(),
                "kind", "INDUSTRY_POST", "departmentId", "dept-emergency", "appliesTo", Map.of("industries",
                        List.of("METAL_PRODUCTS"), "flags", List.of("DUST_EXPLOSION")), "title", "粉尘涉爆岗位安全手册",
                "sections", List.of(Map.of("key", "hazards", "heading", "主要危险因素", "items",
                        List.of(Map.of("text", "粉尘爆炸", "source", "GB 15577-2018")))))).json().get("id").asString();
        assertThat(department.post("/api/v1/templates/" + id + "/versions/1/publish", "").status()).isEqualTo(200);
        for (String est : adopters) {
            TestHttp.Response adopted = enterpriseOfficer(est).post("/api/v1/handbooks/" + est + "/adoptions",
                    Map.of("templateId", id));
            assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        }
    }
}
