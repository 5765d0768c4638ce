package org.liuhua.hazard.loop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardChainAnchored;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accountability (H-6): nobody reviews their own rectification; the recorder, rectifier and reviewer sign with the
 * identity of their token; the history chain is anchored outside the document, so a rewrite that recomputes every
 * hash is still detected.
 */
class AccountabilityIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void theRectifiersOwnReviewIsRefusedAndTheReviewerAndRecorderSign() {
        String id = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        TestHttp town = townOfficer(JINFENG);
        town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true));
        assertThat(town.post("/api/v1/hazards/" + id + "/rectify", fiveParts()).status()).isEqualTo(200);

        TestHttp.Response own = town.post("/api/v1/hazards/" + id + "/review", Map.of("passed", true));
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.json().get("detail").asString()).contains("H-6 no-self-review");
        assertThat(admin().get("/api/v1/hazards/" + id).json().get("state").asString())
                .as("a refused review stores nothing").isEqualTo("REVIEW");

        TestHttp.Response reviewed = admin2().post("/api/v1/hazards/" + id + "/review",
                Map.of("passed", true, "note", "复核通过"));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        JsonNode signatures = reviewed.json().get("signatures");
        assertThat(signatures.findValuesAsString("as")).containsExactly("RECORDER", "RECTIFIER", "REVIEWER");
        JsonNode rectifier = signatures.get(1);
        JsonNode reviewer = signatures.get(2);
        assertThat(rectifier.get("name").asString()).isEqualTo("town-officer-" + JINFENG);
        assertThat(rectifier.get("role").asString()).isEqualTo("TOWN_OFFICER");
        assertThat(reviewer.get("name").asString()).isEqualTo("city-admin-2");
        assertThat(reviewer.get("subject").asString()).isNotEqualTo(rectifier.get("subject").asString());
        assertThat(reviewer.get("at").isNull()).isFalse();
        JsonNode reviewEntry = reviewed.json().get("history").get(reviewer.get("historySeq").asInt() - 1);
        assertThat(reviewEntry.get("command").asString()).isEqualTo("review");
        assertThat(reviewEntry.get("hash").asString()).isEqualTo(reviewer.get("entryHash").asString());
    }

    @Test
    void aRewrittenHistoryWithRecomputedHashesIsDetectedAgainstTheAnchor() {
        String id = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "LAW_ENFORCEMENT");
        townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true,
                "note", "移交企业"));
        assertThat(admin().get("/api/v1/hazards/" + id + "/chain").json().get("anchored").isNull())
                .as("not anchored yet").isTrue();
        assertThat(townOfficer(JINFENG).post("/api/v1/hazards/chain-anchors", Map.of()).status())
                .as("only the city anchors on demand").isEqualTo(403);
        TestHttp.Response anchor = admin().post("/api/v1/hazards/chain-anchors", Map.of());
        assertThat(anchor.status()).as(anchor.toString()).isEqualTo(201);
        String anchorId = anchor.json().get("anchorId").asString();

        JsonNode before = admin().get("/api/v1/hazards/" + id + "/chain").json();
        assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.get("matchesAnchor").asBoolean()).isTrue();
        assertThat(before.get("rewritten").asBoolean()).isFalse();
        assertThat(before.get("anchored").get("entries").asInt()).isEqualTo(2);
        assertThat(before.get("anchored").get("anchorId").asString()).isEqualTo(anchorId);

        // a later legitimate step keeps the anchored prefix
        assertThat(townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/raise-severity",
                Map.of("reason", "可燃气体报警器失效，属重大事故隐患")).status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/hazards/" + id + "/chain").json().get("matchesAnchor").asBoolean())
                .as("a later step extends the anchored head").isTrue();
        rewriteNoteAndRecomputeHashes(id, 1, "没有移交");

        assertThat(admin().get("/api/v1/hazards/" + id + "/verify").json().get("intact").asBoolean())
                .as("the recomputed chain fools the document-only check").isTrue();
        JsonNode after = admin().get("/api/v1/hazards/" + id + "/chain").json();
        assertThat(after.get("intact").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.get("matchesAnchor").asBoolean()).isFalse();
        assertThat(after.get("rewritten").asBoolean()).isTrue();

        JsonNode next = admin().post("/api/v1/hazards/chain-anchors", Map.of()).json();
        assertThat(next.get("mismatchedHazardIds").findValuesAsString("mismatchedHazardIds")).isEmpty();
        assertThat(next.get("mismatchedHazardIds").toString()).as("the rewrite is not anchored over").contains(id);
        assertThat(next.get("previousAnchorId").asString()).isNotNull();
        assertThat(admin().get("/api/v1/hazards/" + id + "/chain").json().get("rewritten").asBoolean()).isTrue();
        assertThat(townOfficer(TANGQIAO).get("/api/v1/hazards/" + id + "/chain").status())
                .as("another town's hazard answers like an unknown one").isEqualTo(404);

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            var published = probe.await(r -> anchorId.equals(r.key())
                    && r.value().getType().equals("liuhua.hazard.chain-anchored.v1"), 1, Duration.ofSeconds(20));
            HazardChainAnchored event = EventJson.read(published.get(0).value(), HazardChainAnchored.class);
            assertThat(event.digest()).isEqualTo(anchor.json().get("digest").asString());
            assertThat(event.hazards()).isPositive();
        }
    }

    /** Rewrites one entry's note and recomputes that entry's and every later entry's hash, as a careful forger would. */
    @SuppressWarnings("unchecked")
    private void rewriteNoteAndRecomputeHashes(String id, int index, String note) {
        Document stored = mongo.findById(id, Document.class, "hazards");
        List<Document> history = new ArrayList<>((List<Document>) stored.get("history"));
        history.get(index).put("note", note);
        String previous = history.get(index).getString("previousHash");
        for (int i = index; i < history.size(); i++) {
            Document e = history.get(i);
            e.put("previousHash", previous);
            List<String> evidence = (List<String>) e.getOrDefault("evidenceIds", List.of());
            Date at = e.getDate("at");
            String text = String.join("\u001f", previous, String.valueOf(e.getInteger("seq")),
                    String.valueOf(e.getString("command")), String.valueOf(e.getString("fromState")),
                    String.valueOf(e.getString("toState")), String.valueOf(e.getString("actor")),
                    String.valueOf(e.getString("actorName")), String.valueOf(e.getString("actorRole")),
                    at == null ? "null" : String.valueOf(at.getTime()), String.valueOf(e.getString("note")),
                    String.join(",", evidence == null ? List.of() : evidence), String.valueOf(e.getString("details")));
            previous = sha256(text);
            e.put("hash", previous);
        }
        mongo.getCollection("hazards").updateOne(new Document("_id", id),
                new Document("$set", new Document("history", history)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
