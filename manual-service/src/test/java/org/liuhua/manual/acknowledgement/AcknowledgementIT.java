package org.liuhua.manual.acknowledgement;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.manual.CardAcknowledged;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.manual.ManualIT;
import org.liuhua.manual.card.CardIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff acknowledge each revision of their cards once; staff see their own acknowledgements, the enterprise all. */
class AcknowledgementIT extends ManualIT {

    @Test
    void staffAcknowledgeEachRevisionOnceAndSeeOnlyTheirOwn() {
        String est = knownEstablishment("est-ack");
        TestHttp officer = enterpriseOfficer(est);
        officer.put("/api/v1/handbooks/" + est + "/posts", Map.of("posts", List.of(Map.of("key", "p1", "name",
                "抛光工"))));
        String card = officer.post("/api/v1/cards", CardIT.postCard(est, "p1", CardIT.parts())).json().get("id")
                .asString();
        TestHttp wang = staff("wang-wei", est);
        TestHttp li = staff("li-na", est);
        try (TopicProbe probe = probe()) {
            assertThat(wang.post("/api/v1/cards/" + card + "/acknowledgements", "").status()).isEqualTo(201);
            assertThat(wang.post("/api/v1/cards/" + card + "/acknowledgements", "").status())
                    .as("the same revision again").isEqualTo(200);
            assertThat(li.post("/api/v1/cards/" + card + "/acknowledgements", "").status()).isEqualTo(201);
            assertThat(staff("zhao-lei", "est-elsewhere").post("/api/v1/cards/" + card + "/acknowledgements", "")
                    .status()).as("another establishment's staff").isEqualTo(404);
            officer.put("/api/v1/cards/" + card, Map.of("parts", CardIT.parts()));
            assertThat(wang.post("/api/v1/cards/" + card + "/acknowledgements", "").status())
                    .as("a new revision needs a new acknowledgement").isEqualTo(201);

            assertThat(wang.get("/api/v1/acknowledgements").json().get("totalElements").asInt()).isEqualTo(2);
            assertThat(li.get("/api/v1/acknowledgements").json().get("totalElements").asInt()).isEqualTo(1);
            assertThat(officer.get("/api/v1/acknowledgements?cardId=" + card).json().get("totalElements").asInt())
                    .isEqualTo(3);
            assertThat(townOfficer(TANGQIAO).get("/api/v1/acknowledgements?cardId=" + card).json()
                    .get("totalElements").asInt()).isZero();

            List<CardAcknowledged> events = probe.await(r -> ofType(CardAcknowledged.class, null).test(r)
                    && payload(r, CardAcknowledged.class).cardId().equals(card), 3, Duration.ofSeconds(20))
                    .stream().map(r -> payload(r, CardAcknowledged.class)).toList();
            assertThat(events).hasSize(3);
            assertThat(events).extracting(CardAcknowledged::cardRevision).containsExactlyInAnyOrder(1, 1, 2);
            assertThat(events.get(0).townId()).isEqualTo(JINFENG);
        }
    }
}
