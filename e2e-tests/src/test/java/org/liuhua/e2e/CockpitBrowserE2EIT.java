package org.liuhua.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.liuhua.kit.test.TestHttp;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11 item 8: the cockpit in a real headless Chromium (Debian {@code chromium} + {@code chromium-driver}),
 * against the running platform with the real Keycloak. The cockpit viewer logs in through Keycloak's login form
 * (authorization code + PKCE), sees tiles equal to the API's figures, sees the hazard tile change within 3 s of a
 * new hazard without a reload, opens a town and downloads the monthly XLSX; the town officer sees only 锦丰镇.
 * Screenshots go to {@code target/screenshots/}. Skips (with a message) only when {@code /usr/bin/chromium} is
 * missing; {@code .ci/run} installs it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CockpitBrowserE2EIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration PAGE = Duration.ofSeconds(60);

    static Path downloads;
    static WebDriver viewer;

    @BeforeAll
    static void theViewerLogsInThroughKeycloak() throws IOException {
        assumeThat(Files.isExecutable(CHROMIUM))
                .as("the cockpit browser test needs Chromium at /usr/bin/chromium (Debian: apt-get install chromium "
                        + "chromium-driver; .ci/run installs them)")
                .isTrue();
        DemoFixture.ensure();
        // a hazard in each demo town, so that the map and the ranking have something to show
        TestHttp admin = RunningPlatform.gateway();
        TestHttp viewerApi = RunningPlatform.gatewayAs(RunningPlatform.userToken("cockpit-viewer"));
        long before = Hazards.total(viewerApi);
        for (String town : List.of("zjg-jinfeng", "zjg-leyu")) {
            TestHttp.Response created = admin.post("/api/v1/hazards", Map.of("establishmentId",
                    "est-" + town.substring(4) + "-0001", "townId", town, "category", "FIRE_SAFETY",
                    "source", "GRID_PATROL", "description", "安全出口被货物堵塞"));
            // 201 CREATED, or 200 when intake joins it to an open hazard of the same place and kind another test made
            assertThat(created.status()).as(created.toString()).isIn(200, 201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Hazards.total(viewerApi) >= Math.max(before, 2));
        allowThisGatewayAsCockpitOrigin();
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("cockpit-downloads-");
        viewer = browser(downloads);
        logIn(viewer, "cockpit-viewer");
    }

    @AfterAll
    static void closeBrowser() {
        if (viewer != null) {
            viewer.quit();
        }
    }

    @Test
    @Order(1)
    void theTilesShowTheApisFigures() {
        TestHttp api = RunningPlatform.gatewayAs(RunningPlatform.userToken("cockpit-viewer"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode hazards = api.get("/api/v1/stats/overview").json().get("hazards");
            for (String figure : List.of("total", "open", "closed", "overdue", "openMajor")) {
                assertThat(tile(viewer, figure)).as(figure).isEqualTo(hazards.get(figure).asString());
            }
        });
        assertThat(viewer.findElement(By.id("scope")).getAttribute("data-scope-kind")).isEqualTo("CITY");
        assertThat(viewer.findElement(By.id("scope")).getText()).contains("全市");
        assertThat(viewer.findElements(By.cssSelector(".town"))).as("town blocks on the map").isNotEmpty();
        screenshot(viewer, "cockpit-city");
    }

    @Test
    @Order(2)
    void aNewHazardChangesTheTileWithinThreeSecondsWithoutReloading() {
        await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(
                viewer.findElement(By.id("live")).getAttribute("data-live")));
        viewer.findElement(By.tagName("body")).getAttribute("data-ready");
        ((org.openqa.selenium.JavascriptExecutor) viewer).executeScript("window.__notReloaded = true;");
        long before = Long.parseLong(tile(viewer, "total"));

        Hazards.report(RunningPlatform.gateway(), "配电箱前堆放杂物 " + System.nanoTime());

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> Long.parseLong(tile(viewer, "total")) > before);
        assertThat(((org.openqa.selenium.JavascriptExecutor) viewer).executeScript("return window.__notReloaded"))
                .as("the page was not reloaded").isEqualTo(true);
        screenshot(viewer, "cockpit-live-update");
    }

    @Test
    @Order(3)
    void aTownOpensWithItsFigures() {
        WebElement town = viewer.findElement(By.cssSelector(".town[data-town-id='zjg-jinfeng']"));
        town.click();
        WebElement detail = new WebDriverWait(viewer, Duration.ofSeconds(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-town-detail='zjg-jinfeng']")));
        assertThat(viewer.findElement(By.id("drawer-title")).getText()).contains("镇（区）详情");
        assertThat(detail.getText()).contains("隐患总数", "销号率");
        screenshot(viewer, "cockpit-town");
        viewer.findElement(By.id("drawer-close")).click();
    }

    @Test
    @Order(4)
    void theMonthlyTableDownloadsAsAnXlsx() throws IOException {
        viewer.findElement(By.id("download-xlsx")).click();

        Path file = await().atMost(Duration.ofSeconds(30)).until(() -> finishedDownload(".xlsx"), Optional::isPresent)
                .orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).as("an XLSX is a ZIP").isEqualTo("PK");
        assertThat(viewer.findElement(By.id("download-status")).getText()).contains("已下载");
    }

    @Test
    @Order(5)
    void aTownOfficerSeesOnlyTheirTown() throws IOException {
        WebDriver officer = browser(Files.createTempDirectory("cockpit-officer-"));
        try {
            logIn(officer, "town-officer");
            WebElement scope = officer.findElement(By.id("scope"));
            assertThat(scope.getAttribute("data-scope-kind")).isEqualTo("TOWN");
            assertThat(scope.getAttribute("data-scope-town")).isEqualTo("zjg-jinfeng");
            List<String> towns = officer.findElements(By.cssSelector(".town")).stream()
                    .map(e -> e.getAttribute("data-town-id")).toList();
            assertThat(towns).containsExactly("zjg-jinfeng");
            List<String> rankedTowns = officer.findElements(By.cssSelector("#ranking-table tbody tr[data-town-id]"))
                    .stream().map(e -> e.getAttribute("data-town-id")).toList();
            assertThat(rankedTowns).allMatch("zjg-jinfeng"::equals);
            screenshot(officer, "cockpit-town-officer");

            officer.findElement(By.id("logout")).click();
            new WebDriverWait(officer, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        } finally {
            officer.quit();
        }
    }

    // ---------- helpers ----------

    static WebDriver browser(Path downloadDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1920,1080", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloadDir.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloadDir.toString()));
        driver.manage().timeouts().pageLoadTimeout(PAGE);
        return driver;
    }

    /** Opens the cockpit, fills Keycloak's login form and waits until the page has drawn its widgets. */
    static void logIn(WebDriver driver, String username) {
        driver.get(RunningPlatform.get().gatewayUrl() + "/cockpit/");
        WebDriverWait wait = new WebDriverWait(driver, PAGE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("Keycloak's login page")
                .startsWith(RunningPlatform.get().identity().issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("liuhua");
        driver.findElement(By.id("kc-login")).click();
        // the login redirects twice (Keycloak, then the cockpit drops the code from its address): a body found on one
        // page may be gone when its attribute is read
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(driver.getCurrentUrl()).as("back on the cockpit, the code gone from the address")
                .isEqualTo(RunningPlatform.get().gatewayUrl() + "/cockpit/");
    }

    static String tile(WebDriver driver, String figure) {
        return driver.findElement(By.cssSelector(".kpi[data-kpi='" + figure + "']")).getAttribute("data-value");
    }

    static void screenshot(WebDriver driver, String name) {
        try {
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " not saved", e);
        }
    }

    static Optional<Path> finishedDownload(String suffix) throws IOException {
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
        }
    }

    /**
     * The realm's cockpit client allows the standard address (http://localhost:8080); this test's platform runs on
     * free ports, so its gateway is added as a redirect URI and web origin through Keycloak's admin API (the admin
     * of the local Keycloak the platform starts).
     */
    static void allowThisGatewayAsCockpitOrigin() {
        String issuer = RunningPlatform.get().identity().issuer();
        String keycloak = issuer.substring(0, issuer.indexOf("/realms/"));
        String gateway = RunningPlatform.get().gatewayUrl();
        HttpClient http = HttpClient.newHttpClient();
        try {
            String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloak
                            + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            String bearer = "Bearer " + TestHttp.JSON.readTree(token.body()).get("access_token").asString();
            String clients = keycloak + "/admin/realms/liuhua/clients";
            HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                    + URLEncoder.encode("cockpit", StandardCharsets.UTF_8))).header("Authorization", bearer).build(),
                    HttpResponse.BodyHandlers.ofString());
            ObjectNode client = (ObjectNode) TestHttp.JSON.readTree(found.body()).get(0);
            List<String> redirects = new ArrayList<>(client.get("redirectUris").valueStream().map(JsonNode::asString)
                    .toList());
            redirects.add(gateway + "/cockpit/*");
            ArrayNode redirectNode = client.putArray("redirectUris");
            redirects.forEach(redirectNode::add);
            client.withArrayProperty("webOrigins").add(gateway);
            ObjectNode attributes = client.withObjectProperty("attributes");
            attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asString("")
                    + "##" + gateway + "/cockpit/*");
            HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(clients + "/"
                            + client.get("id").asString())).header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(TestHttp.JSON.writeValueAsString(client))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
