package org.liuhua.manual;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.manual.card.CardIT;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enterprise officer's lists are cut to its own establishment, also when it filters on the very field its scope
 * uses (once a 500): with a filter on its own establishment it gets its items, with a filter on another
 * establishment (or town) an empty page — the same answer from every list.
 */
class ScopedListsIT extends ManualIT {

    @Test
    void anEnterpriseOfficerFilteringItsListsSeesOnlyItsOwnItemsAndNothingOfAnother() {
        String mine = knownEstablishment("est-scope");
        String theirs = knownEstablishment("est-scope");
        withCardRunAndAcknowledgement(mine);
        withCardRunAndAcknowledgement(theirs);
        TestHttp officer = enterpriseOfficer(mine);

        for (String list : List.of("/api/v1/cards", "/api/v1/checklists/runs", "/api/v1/acknowledgements")) {
            JsonNode own = page(officer, list + "?establishmentId=" + mine);
            assertThat(own.get("totalElements").asInt()).as(list + " of its own establishment").isPositive();
            assertThat(own.get("items").findValuesAsString("establishmentId")).as(list).containsOnly(mine);

            JsonNode other = page(officer, list + "?establishmentId=" + theirs);
            assertThat(other.get("totalElements").asInt()).as(list + " of another establishment").isZero();
            assertThat(other.get("items").size()).isZero();

            JsonNode unfiltered = page(officer, list);
            assertThat(unfiltered.get("items").findValuesAsString("establishmentId")).as(list + " unfiltered")
                    .containsOnly(mine);
        }

        JsonNode handbooks = page(officer, "/api/v1/handbooks?townId=" + JINFENG);
        assertThat(handbooks.get("items").findValuesAsString("establishmentId")).containsExactly(mine);
        assertThat(page(officer, "/api/v1/handbooks?townId=" + TANGQIAO).get("totalElements").asInt()).isZero();
        assertThat(page(officer, "/api/v1/handbooks/lagging?townId=" + JINFENG + "&size=200").get("items")
                .findValuesAsString("establishmentId")).containsExactly(mine);
        assertThat(page(officer, "/api/v1/handbooks/lagging?townId=" + TANGQIAO).get("totalElements").asInt())
                .isZero();
        assertThat(page(officer, "/api/v1/handbooks/reviews-due?withinDays=400&size=200").get("items")
                .findValuesAsString("establishmentId")).containsExactly(mine);

        // the other side of the same rule: the other establishment's officer sees its own, not ours
        JsonNode theirCards = page(enterpriseOfficer(theirs), "/api/v1/cards?establishmentId=" + theirs);
        assertThat(theirCards.get("items").findValuesAsString("establishmentId")).containsOnly(theirs);
        assertThat(page(enterpriseOfficer(theirs), "/api/v1/cards?establishmentId=" + mine)
                .get("totalElements").asInt()).isZero();
    }

    private void withCardRunAndAcknowledgement(String est) {
        TestHttp officer = enterpriseOfficer(est);
        JsonNode adoptable = page(officer, "/api/v1/handbooks/" + est + "/adoptable-templates").get("items");
        assertThat(adoptable.size()).as("a starter template for a dust-explosion metal works").isPositive();
        ok(officer.post("/api/v1/handbooks/" + est + "/adoptions", Map.of("templateId",
                adoptable.get(0).get("id").asString())));
        // two posts, one card: the handbook lags (a post without its card), so the notice list has it
        ok(officer.put("/api/v1/handbooks/" + est + "/posts", Map.of("posts", List.of(Map.of("key", "p1",
                "name", "抛光工"), Map.of("key", "p2", "name", "除尘系统巡检工")))));
        String card = ok(officer.post("/api/v1/cards", CardIT.postCard(est, "p1", CardIT.parts()))).json()
                .get("id").asString();
        ok(staff(unique("zhou-min"), est).post("/api/v1/cards/" + card + "/acknowledgements", ""));
        ok(officer.post("/api/v1/checklists/runs", Map.of("establishmentId", est, "source",
                "ENTERPRISE_SELF_CHECK")));
    }

    private static JsonNode page(TestHttp http, String path) {
        TestHttp.Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }

    private static TestHttp.Response ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }
}
