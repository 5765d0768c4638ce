package org.liuhua.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * e. Card rendering (manual-service, M-3 "cards per second"): one complete post safety card (four parts, Chinese
 * text) printed again and again as its one-page A4 PDF ({@code GET /api/v1/cards/{id}/pdf}: the font subset, the
 * layout, the QR code), one client, straight to manual-service. Beside it, in the same run, two references: the same
 * card read as JSON over the same connection (what the HTTP round trip, the token check and the load cost without
 * rendering) and a blank one-page A4 PDF written by the same library (PDFBox) inside the benchmark JVM (what a PDF
 * costs at all). The table has the three rows; a note gives the rates and their ratios. Set-up is not measured.
 */
final class CardRendering {

    static final String TOWN = "zjg-benchcard";
    static final String UNIT = TOWN + "-v01-g1-u1";

    private CardRendering() {
    }

    static void run(Bench bench) {
        int warmup = Config.integer("bench.f.warmup", 30);
        int count = Config.integer("bench.f.count", 300);
        Duration limit = Config.seconds("bench.f.limitSeconds", 90);
        Http grid = bench.direct("grid-service", bench.cityAdmin);
        Http manual = bench.direct("manual-service", bench.cityAdmin);
        Bench.log("e. card rendering: " + warmup + " warm-up, then " + count + " PDFs of one card, 1 client, direct");
        String card = setUp(bench, grid, manual);
        if (card == null) {
            return;
        }
        String pdf = "/api/v1/cards/" + card + "/pdf";
        Load.run(1, warmup, limit, new Samples(), i -> isPdf(bench, manual.getBytes(pdf, "application/pdf")));
        Samples cards = new Samples();
        Load.run(1, count, limit, cards, i -> isPdf(bench, manual.getBytes(pdf, "application/pdf")));
        bench.table.row("e. GET /cards/{id}/pdf direct, 1 client", cards, "card/s");

        String json = "/api/v1/cards/" + card;
        Load.run(1, warmup, limit, new Samples(), i -> manual.get(json).status() == 200);
        Samples reads = new Samples();
        Load.run(1, count, limit, reads, i -> {
            Http.Response r = manual.get(json);
            if (r.status() != 200) {
                bench.unexpected("GET " + json, r);
            }
            return r.status() == 200;
        });
        bench.table.row("e. reference: GET /cards/{id} (JSON) direct", reads, "req/s");

        Load.run(1, warmup, limit, new Samples(), i -> blankPage() > 0);
        Samples blanks = new Samples();
        Load.run(1, count, limit, blanks, i -> blankPage() > 0);
        bench.table.row("e. reference: blank A4 PDF, PDFBox in-process", blanks, "pdf/s");

        double cardRate = rate(cards);
        double readRate = rate(reads);
        double blankRate = rate(blanks);
        bench.table.note("e. %.1f cards/s (one-page A4 PDF over HTTP); the same card as JSON %.1f req/s (PDF/JSON "
                        + "%.2f); a blank PDFBox page in-process %.1f pdf/s (card/blank %.3f); rendering adds about "
                        + "%.1f ms per card over the JSON read", cardRate, readRate, ratio(cardRate, readRate),
                blankRate, ratio(cardRate, blankRate), cardRate > 0 && readRate > 0
                        ? 1000 / cardRate - 1000 / readRate : Double.NaN);
        if (cards.errors() > 0 || reads.errors() > 0) {
            bench.table.anomaly("e. %d PDF and %d JSON requests did not answer as expected", cards.errors(),
                    reads.errors());
        }
    }

    private static double rate(Samples samples) {
        return samples.wallSeconds() > 0 ? samples.count() / samples.wallSeconds() : 0;
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    private static boolean isPdf(Bench bench, Http.Bytes answer) {
        boolean pdf = answer.status() == 200 && answer.body().length > 4
                && new String(answer.body(), 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF");
        if (!pdf) {
            bench.unexpected("GET /api/v1/cards/{id}/pdf", new Http.Response(answer.status(),
                    new String(answer.body(), StandardCharsets.UTF_8)));
        }
        return pdf;
    }

    /** A blank one-page A4 PDF written to memory with PDFBox; answers its size. */
    static int blankPage() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.save(out);
            return out.size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An establishment manual-service knows, a post and its complete card; answers the card id, or null. */
    private static String setUp(Bench bench, Http grid, Http manual) {
        String establishment = "est-bench-" + bench.runId + "-e";
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", establishment);
        e.put("name", "基准金属制品有限公司");
        e.put("kind", "INDUSTRIAL");
        e.put("industry", "METAL_PRODUCTS");
        e.put("departmentId", "dept-emergency");
        e.put("unitId", UNIT);
        e.put("riskLevel", "SIGNIFICANT");
        e.put("flags", List.of("DUST_EXPLOSION"));
        e.put("employeeCount", 60);
        e.put("address", "基准镇兴业路 1 号");
        e.put("latitude", 31.938);
        e.put("longitude", 120.625);
        List<Object[]> steps = List.of(
                new Object[]{"/api/v1/towns", Map.of("id", TOWN, "name", "制卡基准镇", "kind", "TOWN",
                        "safetyStaff", 8, "fireStaff", 4)},
                new Object[]{"/api/v1/departments", Map.of("id", "dept-emergency", "name", "应急管理局")},
                new Object[]{"/api/v1/villages", Map.of("id", TOWN + "-v01", "townId", TOWN, "name", "基准村")},
                new Object[]{"/api/v1/grids", Map.of("id", TOWN + "-v01-g1", "villageId", TOWN + "-v01",
                        "name", "网格 1")},
                new Object[]{"/api/v1/patrol-units", Map.of("id", UNIT, "gridId", TOWN + "-v01-g1",
                        "name", "单元 1", "kind", "GENERAL")},
                new Object[]{"/api/v1/establishments", e});
        for (Object[] step : steps) {
            Http.Response r = grid.post((String) step[0], step[1]);
            if (r.status() != 200 && r.status() != 201) {
                bench.table.anomaly("e. set-up failed at %s: %s", step[0], r);
                return null;
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (manual.get("/api/v1/handbooks/" + establishment).status() != 200) {
            if (System.nanoTime() > deadline) {
                bench.table.anomaly("e. manual-service did not learn establishment %s within 60 s", establishment);
                return null;
            }
            Bench.sleep(250);
        }
        Http.Response posts = manual.put("/api/v1/handbooks/" + establishment + "/posts",
                Map.of("posts", List.of(Map.of("key", "p1", "name", "抛光工"))));
        if (posts.status() != 200) {
            bench.table.anomaly("e. naming the post failed: %s", posts);
            return null;
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("operatingProcedure", List.of("开机前确认除尘系统已启动并运行正常，先启除尘、后启设备",
                "抛光作业时工件夹持牢固，严禁戴手套操作旋转部件", "作业结束先停设备、后停除尘，清扫积尘并记录"));
        parts.put("hazardsAndProtection", List.of("铝镁粉尘遇点火源可能发生粉尘爆炸：严禁烟火，使用防爆电气",
                "旋转部件卷入伤害：防护罩完好，长发盘入帽内", "噪声与粉尘职业危害：佩戴耳塞和防尘口罩"));
        parts.put("emergencyResponse", List.of("发现火情立即停机断电，用干沙覆盖，严禁用水扑救",
                "有人受伤立即拨打120并报告班组长", "粉尘爆炸后不得盲目进入，等待专业救援"));
        parts.put("protectiveEquipment", List.of("防尘口罩", "防静电工作服", "护目镜", "耳塞"));
        Http.Response card = manual.post("/api/v1/cards", Map.of("kind", "POST_SAFETY", "establishmentId",
                establishment, "postKey", "p1", "parts", parts, "publicCard", true));
        if (card.status() != 201) {
            bench.table.anomaly("e. creating the card failed: %s", card);
            return null;
        }
        return card.json().path("id").asString();
    }
}
