package org.liuhua.hazard.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardEvidenceAdded;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence photos (H-8): type from the bytes, size limit, GridFS with SHA-256, download in scope. */
class EvidenceIT extends HazardIT {

    static byte[] jpegWithExif() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x00, 0x40});
        out.write("Exif\0\0MM\0*\0\0\0\u0008".getBytes(StandardCharsets.ISO_8859_1));
        out.write("2026:11:20 08:30:15\0".getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[]{(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    @Test
    void photosAreStoredWithTheirHashAndAttachedToTheHazard() throws Exception {
        String id = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        byte[] before = png(2048);
        TestHttp.Response stored = upload(townOfficer(JINFENG), "/api/v1/hazards/" + id + "/evidence", "before.png",
                before, Map.of("phase", "BEFORE", "capturedAt", "2026-11-20T00:30:00Z", "latitude", "31.95",
                        "longitude", "120.65"));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(before));
        assertThat(stored.json().get("sha256").asString()).isEqualTo(sha);
        assertThat(stored.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(stored.json().get("latitude").asDouble()).isEqualTo(31.95);
        String evidenceId = stored.json().get("evidenceId").asString();

        TestHttp.Response content = townOfficer(JINFENG).get("/api/v1/evidence/" + evidenceId + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.header("X-Content-SHA256")).isEqualTo(sha);
        assertThat(content.contentType()).startsWith("image/png");
        assertThat(admin().get("/api/v1/evidence/" + evidenceId).json().get("capturedAt").asString())
                .isEqualTo("2026-11-20T00:30:00Z");

        TestHttp.Response jpeg = upload(admin(), "/api/v1/hazards/" + id + "/evidence", "after.bin", jpegWithExif(),
                Map.of("phase", "AFTER"));
        assertThat(jpeg.status()).as(jpeg.toString()).isEqualTo(201);
        assertThat(jpeg.json().get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(jpeg.json().get("exifDateTime").asString()).isEqualTo("2026-11-20T08:30:15");

        JsonNode hazard = admin().get("/api/v1/hazards/" + id).json();
        assertThat(hazard.get("evidenceIds").findValuesAsString("evidenceIds")).isEmpty();
        assertThat(hazard.get("evidenceIds").toString()).contains(evidenceId);

        var town = townOfficer(JINFENG);
        town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true));
        var unknown = town.post("/api/v1/hazards/" + id + "/rectify", withEvidence(List.of("not-attached")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("evidenceIds");
        var rectified = town.post("/api/v1/hazards/" + id + "/rectify", withEvidence(List.of(evidenceId)));
        assertThat(rectified.status()).as(rectified.toString()).isEqualTo(200);
        assertThat(rectified.json().get("history").get(4).get("evidenceIds").toString()).contains(evidenceId);

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            var events = probe.await(r -> id.equals(r.key()) && r.value().getType()
                    .equals("liuhua.hazard.evidence-added.v1"), 2, Duration.ofSeconds(20));
            HazardEvidenceAdded added = EventJson.read(events.get(0).value(), HazardEvidenceAdded.class);
            assertThat(added.sha256()).isEqualTo(sha);
            assertThat(added.phase()).isEqualTo("BEFORE");
        }
    }

    static Map<String, Object> withEvidence(List<String> ids) {
        Map<String, Object> body = fiveParts();
        body.put("evidenceIds", ids);
        return body;
    }

    @Test
    void aFileThatIsNotAPhotoOrTooLargeIsRefusedNamingTheFile() {
        String id = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        TestHttp.Response text = upload(admin(), "/api/v1/hazards/" + id + "/evidence", "photo.png",
                "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("errors").findValuesAsString("field")).containsExactly("file");
        TestHttp.Response large = upload(admin(), "/api/v1/hazards/" + id + "/evidence", "big.png", png(200_001),
                Map.of());
        assertThat(large.status()).isEqualTo(400);
        assertThat(large.json().get("errors").findValuesAsString("field")).containsExactly("file");
        TestHttp.Response badPhase = upload(admin(), "/api/v1/hazards/" + id + "/evidence", "a.png", png(64),
                Map.of("phase", "DURING"));
        assertThat(badPhase.status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/hazards/" + id).json().get("evidenceIds").size()).isZero();
        assertThat(admin().get("/api/v1/evidence/no-such-evidence").status()).isEqualTo(404);
    }

    @Test
    void anUploadWithoutAFileIsRefusedNamingTheFile() {
        String hazardId = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        String boundary = "----liuhua-nofile";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"phase\"\r\n\r\nBEFORE\r\n--"
                + boundary + "--\r\n";
        TestHttp http = admin();
        TestHttp.Response noFile = http.send(http.request("/api/v1/hazards/" + hazardId + "/evidence")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
        assertThat(noFile.json().get("errors").findValuesAsString("field")).containsExactly("file");
        TestHttp.Response notMultipart = http.post("/api/v1/hazards/" + hazardId + "/evidence",
                Map.of("phase", "BEFORE"));
        assertThat(notMultipart.status()).as(notMultipart.toString()).isEqualTo(400);
        assertThat(notMultipart.json().get("errors").findValuesAsString("field")).containsExactly("file");
        TestHttp.Response empty = upload(http, "/api/v1/hazards/" + hazardId + "/evidence", "a.png", new byte[0],
                Map.of("phase", "BEFORE"));
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("file");
        assertThat(admin().get("/api/v1/hazards/" + hazardId).json().get("evidenceIds").size()).isZero();
    }
}
