package org.liuhua.manual.card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.manual.ManualIT;

import static org.assertj.core.api.Assertions.assertThat;

/** One-page cards (M-3, M-5): all parts required, one A4 page with the Chinese text and a QR code, the mobile page. */
public class CardIT extends ManualIT {

    public static Map<String, Object> parts(String... without) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("operatingProcedure", List.of("开机前检查除尘系统运行正常", "每班清理设备及地面积尘，严禁用压缩空气吹扫"));
        parts.put("hazardsAndProtection", List.of("铝镁粉尘爆炸：除尘器泄爆片完好，严禁明火"));
        parts.put("emergencyResponse", List.of("发现火情立即停机断电，用干沙覆盖，严禁用水扑救", "立即报告班组长"));
        parts.put("protectiveEquipment", List.of("防尘口罩", "防静电工作服"));
        for (String part : without) {
            parts.remove(part);
        }
        return parts;
    }

    public static Map<String, Object> postCard(String establishmentId, String postKey, Map<String, Object> parts) {
        return Map.of("kind", "POST_SAFETY", "establishmentId", establishmentId, "postKey", postKey, "parts", parts);
    }

    String establishmentWithPosts(String... posts) {
        String est = knownEstablishment("est-card");
        List<Map<String, String>> named = new java.util.ArrayList<>();
        for (int i = 0; i < posts.length; i++) {
            named.add(Map.of("key", "p" + (i + 1), "name", posts[i]));
        }
        TestHttp.Response response = enterpriseOfficer(est).put("/api/v1/handbooks/" + est + "/posts",
                Map.of("posts", named));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return est;
    }

    @Test
    void aCardMissingItsEmergencyPartIsRefusedNamingIt() {
        String est = establishmentWithPosts("抛光工");
        TestHttp.Response refused = enterpriseOfficer(est).post("/api/v1/cards",
                postCard(est, "p1", parts("emergencyResponse")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("parts.emergencyResponse");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("应急处置措施及流程");

        TestHttp.Response two = enterpriseOfficer(est).post("/api/v1/cards",
                postCard(est, "p1", parts("operatingProcedure", "protectiveEquipment")));
        assertThat(two.json().get("errors").findValuesAsString("field"))
                .containsExactly("parts.operatingProcedure", "parts.protectiveEquipment");

        Map<String, Object> emoji = parts();
        emoji.put("protectiveEquipment", List.of("防尘口罩 😷"));
        TestHttp.Response unprintable = enterpriseOfficer(est).post("/api/v1/cards", postCard(est, "p1", emoji));
        assertThat(unprintable.status()).isEqualTo(400);
        assertThat(unprintable.json().get("errors").findValuesAsString("field"))
                .containsExactly("parts.protectiveEquipment[0]");

        assertThat(enterpriseOfficer(est).post("/api/v1/cards", postCard(est, "nope", parts())).json()
                .get("errors").findValuesAsString("field")).containsExactly("postKey");
    }

    @Test
    void aCompleteCardPrintsOnOnePageWithItsTextAndAQrCodeThatOpensItsMobilePage() throws Exception {
        String est = establishmentWithPosts("抛光工", "除尘系统巡检工");
        TestHttp officer = enterpriseOfficer(est);
        TestHttp.Response issued = officer.post("/api/v1/cards", postCard(est, "p1", parts()));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String id = issued.json().get("id").asString();
        String url = "https://liuhua.example.cn/m/cards/" + id;
        assertThat(issued.json().get("mobileUrl").asString()).isEqualTo(url);
        assertThat(issued.json().get("postName").asString()).isEqualTo("抛光工");
        assertThat(officer.post("/api/v1/cards", postCard(est, "p1", parts())).status())
                .as("one card per post: revise it instead").isEqualTo(409);

        byte[] bytes = bytes("/api/v1/cards/" + id + "/pdf", enterpriseOfficerToken(est));
        PdfChecks.ReadBack back = PdfChecks.read(bytes, "post-card-" + id);
        assertThat(back.pages()).isEqualTo(1);
        String text = PdfChecks.squeezed(back.text());
        assertThat(text).contains("每班清理设备及地面积尘，严禁用压缩空气吹扫").contains("发现火情立即停机断电，用干沙覆盖，严禁用水扑救")
                .contains("防静电工作服").contains("岗位：抛光工").contains("三、应急处置措施及流程");
        assertThat(back.qr()).isEqualTo(url);

        // the mobile page: not public yet, so only for someone who may see it
        assertThat(anonymous().get("/m/cards/" + id).status()).isEqualTo(404);
        TestHttp.Response signedIn = officer.get("/m/cards/" + id);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).contains("抛光工").contains("应急处置措施及流程");
        assertThat(enterpriseOfficer("est-elsewhere").get("/api/v1/cards/" + id).status()).isEqualTo(404);

        TestHttp.Response revised = officer.put("/api/v1/cards/" + id, Map.of("parts", parts(), "publicCard", true));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
        TestHttp.Response open = anonymous().get("/m/cards/" + id);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.contentType()).startsWith("text/html");
        assertThat(open.body()).contains("严禁用水扑救").contains("第 2 版");
        assertThat(anonymous().get("/api/v1/cards/" + id).status()).as("the API still needs a token").isEqualTo(401);
    }

    @Test
    void clusterCardsAreIssuedByTheirTownAndListedInThePageShape() {
        String cluster = unique("cluster-jinfeng");
        Map<String, Object> riskMap = Map.of("kind", "RISK_MAP", "clusterId", cluster, "townId", JINFENG,
                "ownerName", "锦丰工业集中区", "parts", Map.of("zones", List.of("红：涂装车间（危化品）", "橙：抛光车间（粉尘涉爆）",
                        "黄：机加工车间", "蓝：办公区")));
        assertThat(enterpriseOfficer("est-x").post("/api/v1/cards", riskMap).status()).isEqualTo(403);
        assertThat(townOfficer(TANGQIAO).post("/api/v1/cards", riskMap).status()).isEqualTo(403);
        TestHttp.Response issued = townOfficer(JINFENG).post("/api/v1/cards", riskMap);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().get("kindTitle").asString()).isEqualTo("风险四色图");
        TestHttp.Response board = townOfficer(JINFENG).post("/api/v1/cards", Map.of("kind", "RISK_NOTICE_BOARD",
                "clusterId", cluster, "townId", JINFENG, "parts", Map.of("riskPoint", List.of("抛光车间"))));
        assertThat(board.json().get("errors").findValuesAsString("field")).containsExactly("parts.hazards",
                "parts.controls", "parts.responsible");

        var page = townOfficer(JINFENG).get("/api/v1/cards?clusterId=" + cluster).json();
        assertThat(page.get("totalElements").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("kind").asString()).isEqualTo("RISK_MAP");
    }
}
