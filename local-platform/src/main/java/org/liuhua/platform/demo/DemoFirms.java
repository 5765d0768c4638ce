package org.liuhua.platform.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.liuhua.platform.Platform;
import org.liuhua.platform.keycloak.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The third-party firm side of the demo city (H-7, G-5, H-8), through the public API: the demo firm's contract
 * extended and amended, its webhook registered (to a documentation address, RFC 5737, that the SSRF rules accept and
 * nothing answers: once a finding of the firm changes state, the delivery log shows its attempts), findings pushed with photos, and a patrol finding of the
 * demo inspector synced with a photo.
 */
final class DemoFirms {

    /** Where the demo webhook points: TEST-NET-3, never routed (a real firm registers its own HTTPS endpoint). */
    static final String WEBHOOK = "https://203.0.113.10/liuhua/hooks";

    private DemoFirms() {
    }

    /** Loads the firm side; a failure is reported, not fatal (the rest of the demo city stands). */
    static void load(Platform platform, DemoApi seeder, DemoApi firm) {
        String tokenUrl = platform.identity().tokenUrl();
        Supplier<String> inspectorToken = Tokens.cachedPassword(tokenUrl, "liuhua-cli", "inspector", "liuhua");
        Supplier<String> firmToken = Tokens.cachedClientCredentials(tokenUrl, "demo-firm", "demo-firm-secret");
        String base = platform.gatewayUrl();
        LocalDate today = LocalDate.now(DemoCity.CHINA);

        JsonNode contract = seeder.get("/api/v1/contracts?firmId=demo-firm&size=1").path("items").path(0);
        String contractId = contract.path("contractId").asString();
        List<String> covered = new ArrayList<>();
        contract.path("establishmentIds").forEach(e -> covered.add(e.asString()));
        seeder.post("/api/v1/contracts/" + contractId + "/extend", Map.of("validTo",
                today.plusMonths(7).toString(), "reason", "年度委托检查续期至下半年"));
        int before = covered.size();
        for (int i = before + 1; i <= before + 10 && i <= 9999; i++) {
            covered.add("est-jinfeng-%04d".formatted(i));
        }
        seeder.post("/api/v1/contracts/" + contractId + "/amend", Map.of("establishmentIds", covered,
                "townIds", List.of(), "unitIds", List.of(), "reason", "增补锦丰镇冶金园区十家企业纳入委托检查范围"));

        firm.put("/api/v1/firms/demo-firm/webhook", Map.of("url", WEBHOOK,
                "secret", "demo-firm-webhook-secret-2026"));

        String photo1 = upload(base, firmToken, "消防通道.png", new Color(200, 60, 40));
        String photo2 = upload(base, firmToken, "配电箱.png", new Color(60, 90, 200));
        firm.post("/api/v1/intake/findings", Map.of("findings", List.of(
                Map.of("externalId", "DF-" + today.getYear() + "-P0001", "establishmentId", covered.get(0),
                        "category", "FIRE_SAFETY", "description", "二楼消防通道堆放纸箱（第三方检查，附现场照片）",
                        "photoIds", List.of(photo1)),
                Map.of("externalId", "DF-" + today.getYear() + "-P0002", "establishmentId", covered.get(1),
                        "category", "ELECTRICAL", "description", "配电箱门缺失、线路裸露（第三方检查，附现场照片）",
                        "photoIds", List.of(photo2)))), Map.of("Idempotency-Key", "demo-firm-photos-" + today));

        DemoApi inspector = new DemoApi(base, platform.directRoutes(), inspectorToken);
        JsonNode me = seeder.get("/api/v1/inspectors/insp-jinfeng-01");
        String unitId = me.path("unitIds").path(0).asString();
        String establishment = seeder.get("/api/v1/establishments?unitId=" + unitId + "&size=1")
                .path("items").path(0).path("id").asString();
        String photo3 = upload(base, inspectorToken, "巡查发现.png", new Color(230, 170, 30));
        Instant start = today.atTime(9, 0).atZone(DemoCity.CHINA).toInstant();
        DemoCity.syncPatrol(inspector, Map.of("id", "p-demo-photo-" + today, "unitId", unitId,
                "startedAt", start.toString(), "completedAt", start.plusSeconds(3600).toString(),
                "findings", List.of(Map.of("id", "f-demo-photo-1", "establishmentId", establishment,
                        "category", "FIRE_SAFETY", "severity", "GENERAL", "description", "灭火器压力不足、未按期检查（附照片）",
                        "deviceTime", start.plusSeconds(900).toString(), "photoIds", List.of(photo3)))));
        System.out.println("[liuhua] demo firm: contract " + contractId + " extended and amended, webhook "
                + WEBHOOK + ", 2 findings and 1 patrol finding with photos");
    }

    /** A small photo (PNG) uploaded as a finding's photo, pending until a finding names it; returns its id. */
    private static String upload(String base, Supplier<String> token, String name, Color color) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String boundary = "----liuhua-demo-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/evidence"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new DemoApi.DemoLoadException("POST /api/v1/evidence answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return DemoApi.JSON.readTree(answer.body()).path("evidenceId").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoApi.DemoLoadException("POST /api/v1/evidence interrupted");
        }
    }
}
