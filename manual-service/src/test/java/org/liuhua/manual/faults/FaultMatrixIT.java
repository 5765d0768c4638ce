package org.liuhua.manual.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.manual.HandbookReviewDue;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.manual.ManualIT;
import org.liuhua.manual.handbook.Handbooks;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level, for manual-service: the handbook review reminders survive a clock jump forwards (one
 * reminder, not one per missed tick) and backwards (none again); a template's publications delivered twice and out of
 * order leave every adopter at the newest version.
 */
class FaultMatrixIT extends ManualIT {

    @Autowired
    Handbooks handbooks;

    @Test
    void reviewRemindersSurviveAClockJumpForwardsAndBackwards() {
        String est = knownEstablishment("est-jump");
        String template = adoptedTemplate(est);
        LocalDate due = LocalDate.parse(enterpriseOfficer(est).get("/api/v1/handbooks/" + est).json()
                .get("reviewDueOn").asString());
        try (TopicProbe probe = probe()) {
            // down for 400 days: the review came due and passed; one reminder however many ticks follow
            clock.advance(Duration.ofDays(400));
            handbooks.remindReviews();
            handbooks.remindReviews();
            handbooks.remindReviews();
            // set back 30 days (still past due): nothing withdrawn, nothing sent again
            clock.advance(Duration.ofDays(-30));
            handbooks.remindReviews();
            handbooks.remindReviews();
            probe.await(ofType(HandbookReviewDue.class, est), 1, Duration.ofSeconds(20));
            // the relay publishes at least once: distinct events of this handbook within a further window
            java.util.Set<String> ids = new java.util.HashSet<>();
            List<HandbookReviewDue> reminders = probe.drain(ofType(HandbookReviewDue.class, est),
                    Duration.ofSeconds(2)).stream().filter(r -> ids.add(r.value().getId()))
                    .map(r -> payload(r, HandbookReviewDue.class)).toList();
            assertThat(reminders).hasSize(1);
            assertThat(reminders.get(0).dueOn()).isEqualTo(due);
            assertThat(reminders.get(0).overdue()).isTrue();
        }
        JsonNode handbook = enterpriseOfficer(est).get("/api/v1/handbooks/" + est).json();
        assertThat(LocalDate.parse(handbook.get("reviewDueOn").asString())).as("the due date stays").isEqualTo(due);
        assertThat(handbook.get("adoptions").get(0).get("adoption").get("templateId").asString()).isEqualTo(template);
    }

    @Test
    void templatePublicationsDeliveredTwiceAndOutOfOrderLeaveTheAdoptionAtTheNewestVersion() {
        String inOrder = knownEstablishment("est-order");
        String reversed = knownEstablishment("est-reversed");
        String first = adoptedTemplate(inOrder);
        String second = adoptedTemplate(reversed);
        // the listener's entry point, as Kafka would call it: versions 2, 3 (and again) vs 3, 2, 3, 2
        for (int version : new int[] {2, 3, 3, 2}) {
            handbooks.newerVersionPublished(first, version);
        }
        for (int version : new int[] {3, 2, 3, 2}) {
            handbooks.newerVersionPublished(second, version);
        }
        assertThat(latestVersion(inOrder)).isEqualTo(3);
        assertThat(latestVersion(reversed)).as("version 3 delivered before 2").isEqualTo(3);
    }

    private int latestVersion(String est) {
        JsonNode adoption = enterpriseOfficer(est).get("/api/v1/handbooks/" + est).json().get("adoptions").get(0)
                .get("adoption");
        return adoption.get("latestVersion").asInt();
    }

    private String adoptedTemplate(String est) {
        // a code sorting after the fixtures' (TemplateIT reads the first page of dust-explosion templates)
        String code = unique("post-review").toLowerCase();
        TestHttp department = departmentOfficer("dept-emergency");
        String id = department.post("/api/v1/templates", Map.of("code", code, "kind", "INDUSTRY_POST",
                "departmentId", "dept-emergency", "appliesTo", Map.of("industries", List.of("METAL_PRODUCTS"),
                        "flags", List.of("DUST_EXPLOSION")), "title", "粉尘涉爆岗位安全手册",
                "sections", List.of(Map.of("key", "hazards", "heading", "主要危险因素", "items",
                        List.of(Map.of("text", "粉尘爆炸", "source", "GB 15577-2018")))))).json().get("id").asString();
        assertThat(department.post("/api/v1/templates/" + id + "/versions/1/publish", "").status()).isEqualTo(200);
        TestHttp.Response adopted = enterpriseOfficer(est).post("/api/v1/handbooks/" + est + "/adoptions",
                Map.of("templateId", id));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        return id;
    }
}
