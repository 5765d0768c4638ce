package org.liuhua.manual.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.manual.TemplatePublished;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.manual.ManualIT;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates (M-1, M-2): versions draft → published → superseded, immutable once published, a readable diff, scope. */
class TemplateIT extends ManualIT {

    @Autowired
    StarterTemplates starter;

    static Map<String, Object> section(String key, String heading, String... items) {
        return Map.of("key", key, "heading", heading, "items", java.util.Arrays.stream(items)
                .map(t -> Map.of("text", t, "source", "GB 30871-2022《危险化学品企业特殊作业安全规范》")).toList());
    }

    static Map<String, Object> newTemplate(String code, String departmentId) {
        return Map.of("code", code, "kind", "MAJOR_RISK_SPECIAL_WORK", "departmentId", departmentId,
                "appliesTo", Map.of("industries", List.of("CHEMICALS"), "flags", List.of("HAZARDOUS_CHEMICALS")),
                "title", "动火作业安全操作手册",
                "sections", List.of(section("permit", "作业审批", "动火作业前办理动火安全作业票"),
                        section("gas", "气体检测", "动火前30分钟内进行可燃气体分析")));
    }

    @Test
    void publishingVersionTwoSupersedesVersionOneWhichCannotBeEditedAndTheDiffNamesTheChangedSections() {
        String code = unique("hot-work").toLowerCase();
        TestHttp department = departmentOfficer("dept-emergency");
        try (TopicProbe probe = probe()) {
            TestHttp.Response created = department.post("/api/v1/templates", newTemplate(code, "dept-emergency"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(created.json().get("versions").get(0).get("state").asString()).isEqualTo("DRAFT");

            TestHttp.Response edited = department.put("/api/v1/templates/" + id + "/versions/1", Map.of(
                    "title", "动火作业安全操作手册", "note", "补充监护要求",
                    "sections", List.of(section("permit", "作业审批", "动火作业前办理动火安全作业票"),
                            section("gas", "气体检测", "动火前30分钟内进行可燃气体分析"),
                            section("watch", "现场监护", "动火作业全程设专人监护"))));
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            assertThat(department.post("/api/v1/templates/" + id + "/versions/1/publish", "").status())
                    .isEqualTo(200);

            TestHttp.Response publishedEdit = department.put("/api/v1/templates/" + id + "/versions/1",
                    Map.of("title", "改", "sections", List.of(section("permit", "作业审批", "x"))));
            assertThat(publishedEdit.status()).as("a published version is immutable").isEqualTo(409);
            assertThat(publishedEdit.json().get("currentState").asString()).isEqualTo("PUBLISHED");

            TestHttp.Response draft2 = department.post("/api/v1/templates/" + id + "/versions", "");
            assertThat(draft2.status()).as(draft2.toString()).isEqualTo(201);
            assertThat(draft2.json().get("number").asInt()).isEqualTo(2);
            assertThat(department.post("/api/v1/templates/" + id + "/versions", "").status())
                    .as("one draft at a time").isEqualTo(409);
            assertThat(enterpriseOfficer("est-x").get("/api/v1/templates/" + id + "/versions/2").status())
                    .as("a draft is seen by its writers only").isEqualTo(404);
            assertThat(enterpriseOfficer("est-x").get("/api/v1/templates/" + id).json().get("versions").size())
                    .isEqualTo(1);
            assertThat(department.get("/api/v1/templates/" + id + "/versions/2").status()).isEqualTo(200);
            assertThat(department.put("/api/v1/templates/" + id + "/versions/2", Map.of(
                    "title", "动火作业安全操作手册",
                    "sections", List.of(section("permit", "作业审批", "动火作业前办理动火安全作业票",
                                    "特级动火作业票由主要负责人审批"),
                            section("watch", "现场监护", "动火作业全程设专人监护")))).status()).isEqualTo(200);
            assertThat(department.post("/api/v1/templates/" + id + "/versions/2/publish", "").status())
                    .isEqualTo(200);

            JsonNode template = admin().get("/api/v1/templates/" + id).json();
            assertThat(template.get("publishedVersion").asInt()).isEqualTo(2);
            assertThat(template.get("versions").findValuesAsString("state")).containsExactly("SUPERSEDED",
                    "PUBLISHED");
            assertThat(department.put("/api/v1/templates/" + id + "/versions/1", Map.of("title", "t",
                    "sections", List.of(section("a", "b", "c")))).status())
                    .as("a superseded version is immutable too").isEqualTo(409);

            JsonNode diff = admin().get("/api/v1/templates/" + id + "/diff?from=1&to=2").json();
            assertThat(diff.get("summary").toString()).contains("新增：特级动火作业票由主要负责人审批")
                    .contains("删除章节「气体检测」");
            assertThat(diff.get("sections").findValuesAsString("change")).containsExactly("CHANGED", "UNCHANGED",
                    "REMOVED");

            List<TemplatePublished> published = probe.await(ofType(TemplatePublished.class, id), 2,
                    Duration.ofSeconds(20)).stream().map(r -> payload(r, TemplatePublished.class)).toList();
            assertThat(published).extracting(TemplatePublished::version).containsExactly(1, 2);
            assertThat(published.get(1).previousVersion()).isEqualTo(1);
            assertThat(published.get(1).changedSections()).containsExactly("permit", "gas");
        }
    }

    @Test
    void aDepartmentWritesOnlyItsOwnTemplatesAndContentIsChecked() {
        String code = unique("hot-work").toLowerCase();
        assertThat(departmentOfficer("dept-housing").post("/api/v1/templates", newTemplate(code, "dept-emergency"))
                .status()).isEqualTo(403);
        assertThat(enterpriseOfficer("est-x").post("/api/v1/templates", newTemplate(code, "dept-emergency"))
                .status()).isEqualTo(403);
        String id = departmentOfficer("dept-emergency").post("/api/v1/templates", newTemplate(code, "dept-emergency"))
                .json().get("id").asString();
        assertThat(departmentOfficer("dept-housing").post("/api/v1/templates/" + id + "/versions/1/publish", "")
                .status()).isEqualTo(403);

        TestHttp.Response bad = admin().post("/api/v1/templates", Map.of("code", "Bad Code", "kind",
                "INDUSTRY_POST", "departmentId", "dept-emergency", "title", "",
                "sections", List.of(Map.of("key", "a", "heading", "", "items", List.of()))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("code");
    }

    @Test
    void starterTemplatesArePublishedOnceAndListedByFlagInThePageShape() {
        assertThat(starter.load()).as("loading again adds nothing").isZero();
        JsonNode page = enterpriseOfficer("est-x").get("/api/v1/templates?flag=DUST_EXPLOSION&size=5").json();
        assertThat(page.get("items").findValuesAsString("code")).contains("fixture-dust-post");
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.has("totalElements")).isTrue();
        assertThat(page.has("totalPages")).isTrue();
        JsonNode starterTemplate = admin().get("/api/v1/templates/" + Templates.idOf("fixture-dust-post")).json();
        assertThat(starterTemplate.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(starterTemplate.get("origin").asString()).isEqualTo("STARTER");
        assertThat(starterTemplate.get("current").get("posts").get(0).get("card").get("emergencyResponse").get(0)
                .asString()).contains("停机");
        assertThat(admin().get("/api/v1/templates?sort=secret").status()).isEqualTo(400);
    }
}
