package org.liuhua.manual.handbook;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.manual.HandbookAdopted;
import org.liuhua.events.manual.HandbookCompletenessChanged;
import org.liuhua.events.manual.HandbookReviewDue;
import org.liuhua.events.manual.HandbookRevised;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.manual.ManualIT;
import org.liuhua.manual.card.CardIT;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Adoption (M-4): pinned versions, newer versions with their diff, re-confirmation, completeness, reviews, notices. */
class HandbookIT extends ManualIT {

    @Autowired
    Handbooks handbooks;
    @Autowired
    CityCalendar calendar;

    String publishedTemplate(String industry, String flag) {
        String code = unique("dust-post").toLowerCase();
        TestHttp department = departmentOfficer("dept-emergency");
        String id = department.post("/api/v1/templates", Map.of("code", code, "kind", "INDUSTRY_POST",
                "departmentId", "dept-emergency", "appliesTo", Map.of("industries", List.of(industry),
                        "flags", List.of(flag)), "title", "粉尘涉爆岗位安全手册",
                "sections", List.of(Map.of("key", "hazards", "heading", "主要危险因素", "items",
                        List.of(Map.of("text", "粉尘爆炸", "source", "GB 15577-2018")))))).json().get("id").asString();
        assertThat(department.post("/api/v1/templates/" + id + "/versions/1/publish", "").status()).isEqualTo(200);
        return id;
    }

    @Test
    void anAdopterOfVersionOneSeesVersionTwoWithItsDiffAndMustReconfirm() {
        String est = knownEstablishment("est-adopt");
        String template = publishedTemplate("METAL_PRODUCTS", "DUST_EXPLOSION");
        String other = publishedTemplate("CHEMICALS", "HAZARDOUS_CHEMICALS");
        TestHttp officer = enterpriseOfficer(est);
        try (TopicProbe probe = probe()) {
            TestHttp.Response adopted = officer.post("/api/v1/handbooks/" + est + "/adoptions",
                    Map.of("templateId", template));
            assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
            assertThat(adopted.json().get("adoptions").get(0).get("adoption").get("version").asInt()).isEqualTo(1);
            assertThat(officer.post("/api/v1/handbooks/" + est + "/adoptions", Map.of("templateId", template))
                    .status()).isEqualTo(409);
            TestHttp.Response wrongIndustry = officer.post("/api/v1/handbooks/" + est + "/adoptions",
                    Map.of("templateId", other));
            assertThat(wrongIndustry.status()).isEqualTo(400);
            assertThat(wrongIndustry.json().get("errors").findValuesAsString("field")).containsExactly("templateId");
            assertThat(enterpriseOfficer("est-elsewhere").post("/api/v1/handbooks/" + est + "/adoptions",
                    Map.of("templateId", template)).status()).isEqualTo(404);
            assertThat(enterpriseOfficer("est-elsewhere").get("/api/v1/handbooks/" + est).status()).isEqualTo(404);
            assertThat(officer.get("/api/v1/handbooks/" + est + "/adoptable-templates").json().get("items")
                    .findValuesAsString("id")).contains(template).doesNotContain(other);

            TestHttp department = departmentOfficer("dept-emergency");
            assertThat(department.post("/api/v1/templates/" + template + "/versions", Map.of(
                    "title", "粉尘涉爆岗位安全手册", "note", "增加防范措施",
                    "sections", List.of(Map.of("key", "hazards", "heading", "主要危险因素", "items",
                                    List.of(Map.of("text", "粉尘爆炸", "source", "GB 15577-2018"))),
                            Map.of("key", "measures", "heading", "防范措施", "items",
                                    List.of(Map.of("text", "除尘器设置泄爆装置", "source", "GB 15577-2018"))))))
                    .status()).isEqualTo(201);
            assertThat(department.post("/api/v1/templates/" + template + "/versions/2/publish", "").status())
                    .isEqualTo(200);

            JsonNode status = officer.get("/api/v1/handbooks/" + est).json().get("adoptions").get(0);
            assertThat(status.get("adoption").get("version").asInt()).as("the adoption stays pinned").isEqualTo(1);
            assertThat(status.get("publishedVersion").asInt()).isEqualTo(2);
            assertThat(status.get("newerVersion").asBoolean()).isTrue();
            assertThat(status.get("diff").get("summary").toString()).contains("新增章节「防范措施」");
            await().atMost(Duration.ofSeconds(20)).until(() -> officer.get("/api/v1/handbooks/" + est).json()
                    .get("completeness").get("outdatedAdoptions").asInt() == 1);
            assertThat(townOfficer(JINFENG).get("/api/v1/handbooks/lagging?townId=" + JINFENG + "&size=200").json()
                    .get("items").toString()).contains(est).contains("NEWER_VERSION_UNCONFIRMED");

            TestHttp.Response confirmed = officer.post("/api/v1/handbooks/" + est + "/adoptions/" + template
                    + "/confirm", "");
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            JsonNode after = confirmed.json().get("adoptions").get(0);
            assertThat(after.get("adoption").get("version").asInt()).isEqualTo(2);
            assertThat(after.get("newerVersion").asBoolean()).isFalse();
            assertThat(officer.post("/api/v1/handbooks/" + est + "/adoptions/" + template + "/confirm", "").status())
                    .isEqualTo(409);

            List<HandbookAdopted> events = probe.await(ofType(HandbookAdopted.class, est), 2, Duration.ofSeconds(20))
                    .stream().map(r -> payload(r, HandbookAdopted.class)).toList();
            assertThat(events).extracting(HandbookAdopted::version).containsExactly(1, 2);
            assertThat(events.get(1).previousVersion()).isEqualTo(1);
            assertThat(events.get(1).townId()).isEqualTo(JINFENG);
            List<HandbookRevised> revised = probe.await(ofType(HandbookRevised.class, est), 2, Duration.ofSeconds(20))
                    .stream().map(r -> payload(r, HandbookRevised.class)).toList();
            assertThat(revised).extracting(HandbookRevised::revision).containsExactly("ADOPTION", "ADOPTION");
            assertThat(revised.get(0).month()).isEqualTo(calendar.monthKey(calendar.now()));
        }
    }

    @Test
    void anEstablishmentWithFivePostsAndThreeCardsIsListedAsIncompleteWithTheTwoMissingPosts() {
        String est = knownEstablishment("est-posts");
        TestHttp officer = enterpriseOfficer(est);
        List<String> names = List.of("抛光工", "除尘系统巡检工", "叉车司机", "电工", "仓库管理员");
        List<Map<String, String>> posts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            posts.add(Map.of("key", "p" + (i + 1), "name", names.get(i)));
        }
        try (TopicProbe probe = probe()) {
            assertThat(officer.put("/api/v1/handbooks/" + est + "/posts", Map.of("posts", posts)).status())
                    .isEqualTo(200);
            for (String key : List.of("p1", "p3", "p4")) {
                TestHttp.Response card = officer.post("/api/v1/cards", CardIT.postCard(est, key, CardIT.parts()));
                assertThat(card.status()).as(card.toString()).isEqualTo(201);
            }
            JsonNode completeness = officer.get("/api/v1/handbooks/" + est).json().get("completeness");
            assertThat(completeness.get("posts").asInt()).isEqualTo(5);
            assertThat(completeness.get("postsWithCard").asInt()).isEqualTo(3);
            assertThat(completeness.get("complete").asBoolean()).isFalse();
            assertThat(List.of(completeness.get("missingPosts").get(0).asString(),
                    completeness.get("missingPosts").get(1).asString())).containsExactly("除尘系统巡检工", "仓库管理员");
            assertThat(completeness.get("missingPosts").size()).isEqualTo(2);

            JsonNode lagging = townOfficer(JINFENG).get("/api/v1/handbooks/lagging?townId=" + JINFENG
                    + "&size=200").json();
            JsonNode line = null;
            for (JsonNode item : lagging.get("items")) {
                if (item.get("establishmentId").asString().equals(est)) {
                    line = item;
                }
            }
            assertThat(line).as("listed for the notice").isNotNull();
            assertThat(line.get("reasons").toString()).contains("POSTS_WITHOUT_CARD").contains("NO_HANDBOOK");
            assertThat(line.get("missingPosts").toString()).contains("除尘系统巡检工").contains("仓库管理员");
            assertThat(townOfficer(TANGQIAO).get("/api/v1/handbooks/lagging?size=200").json().toString())
                    .as("another town's officer does not see it").doesNotContain(est);
            TestHttp.Response cityWide = as(org.liuhua.kit.test.TestTokens.user("city-admin",
                    org.liuhua.kit.security.Roles.CITY_ADMIN)).get("/api/v1/handbooks/lagging?size=1");
            assertThat(cityWide.status()).as(cityWide.toString()).isEqualTo(200);
            assertThat(cityWide.json().get("totalElements").asInt()).isGreaterThanOrEqualTo(1);

            HandbookCompletenessChanged last = probe.await(ofType(HandbookCompletenessChanged.class, est).and(
                    r -> payload(r, HandbookCompletenessChanged.class).postsWithCard() == 3), 1,
                    Duration.ofSeconds(20)).stream().map(r -> payload(r, HandbookCompletenessChanged.class))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(last.posts()).isEqualTo(5);
            assertThat(last.complete()).isFalse();
            assertThat(last.missingPosts()).containsExactly("除尘系统巡检工", "仓库管理员");
        }
    }

    @Test
    void aReviewIsDueAYearAfterAdoptionAndItsReminderGoesOutOnce() {
        String est = knownEstablishment("est-review");
        String template = publishedTemplate("METAL_PRODUCTS", "DUST_EXPLOSION");
        TestHttp officer = enterpriseOfficer(est);
        JsonNode adopted = officer.post("/api/v1/handbooks/" + est + "/adoptions", Map.of("templateId", template))
                .json();
        LocalDate due = LocalDate.parse(adopted.get("reviewDueOn").asString());
        assertThat(due).isEqualTo(calendar.today().plusYears(1));
        try (TopicProbe probe = probe()) {
            clock.advance(Duration.ofDays(340));
            assertThat(handbooks.remindReviews()).isGreaterThanOrEqualTo(1);
            assertThat(handbooks.remindReviews()).as("once per due date").isZero();
            HandbookReviewDue reminder = payload(probe.await(ofType(HandbookReviewDue.class, est), 1,
                    Duration.ofSeconds(20)).get(0), HandbookReviewDue.class);
            assertThat(reminder.dueOn()).isEqualTo(due);
            assertThat(reminder.overdue()).isFalse();
            assertThat(townOfficer(JINFENG).get("/api/v1/handbooks/reviews-due?withinDays=30&size=200").json()
                    .toString()).contains(est);

            JsonNode reviewed = officer.post("/api/v1/handbooks/" + est + "/review", "").json();
            assertThat(LocalDate.parse(reviewed.get("reviewDueOn").asString()))
                    .isEqualTo(calendar.today().plusYears(1));
        }
    }
}
