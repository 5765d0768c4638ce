package org.liuhua.platform.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.liuhua.kit.security.Caller;
import org.liuhua.platform.Ports;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts the real Keycloak with deploy/keycloak/liuhua-realm.json and asks it for the demo identities' tokens; last,
 * restarts it on the same work directory: the data survives and the realm is not imported again. The work directory
 * is new and starts from the database the run command's build step keeps (ADR 16), made here first when there is none
 * for this realm: a start in a scratch directory that makes the schema and imports the realm. (One class, so the
 * test pays for as few starts of Keycloak as it can.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakRunnerIT {

    @TempDir
    static Path workDir;
    static RunningKeycloak keycloak;

    static final Path REALM = Path.of(System.getProperty("liuhua.keycloak.realm",
            "../deploy/keycloak/liuhua-realm.json"));

    @BeforeAll
    static void start() throws IOException {
        KeycloakRunner.prepareInitialDatabase(REALM, workDir.resolve("scratch"), Ports.freePort(),
                Duration.ofSeconds(180));
        keycloak = KeycloakRunner.start(workDir.resolve("new"), Ports.freePort(), REALM, Duration.ofSeconds(180));
    }

    @Test
    void aNewWorkDirectoryStartsFromTheKeptDatabaseWithoutMakingTheSchemaOrImportingTheRealm() throws IOException {
        Path kept = KeycloakRunner.keptDatabase(KeycloakRunner.locateDistribution(workDir.resolve("new")));
        assertThat(kept.resolve("h2")).isDirectoryContaining("glob:**.mv.db");
        assertThat(KeycloakRunner.prepareInitialDatabase(REALM, workDir.resolve("scratch-2"), Ports.freePort(),
                Duration.ofSeconds(180))).as("kept for this realm already: nothing to do").isFalse();
        assertThat(Files.readString(keycloak.logFile()))
                .contains("already exists. Import skipped")
                .doesNotContain("Initializing database schema");
    }

    @Test
    void aChangedRealmFileIsNotServedFromTheDatabaseMadeFromTheOldOne() throws IOException {
        Path distribution = KeycloakRunner.locateDistribution(workDir.resolve("new"));
        Path changed = workDir.resolve("changed-realm.json");
        Files.writeString(changed, Files.readString(REALM) + "\n");

        Path home = Files.createDirectories(workDir.resolve("other").resolve("server"));
        KeycloakRunner.restoreInitialDatabase(distribution, home, changed);
        assertThat(home.resolve("data").resolve("h2")).doesNotExist();

        KeycloakRunner.restoreInitialDatabase(distribution, home, REALM);
        assertThat(home.resolve("data").resolve("h2")).isDirectoryContaining("glob:**.mv.db");
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    /** Stopping Keycloak stops the script and every process it started. */
    private static void stopAndAssertNothingLeft() {
        ProcessHandle script = ((KeycloakProcess) keycloak).process().toHandle();
        List<ProcessHandle> tree = new ArrayList<>(script.descendants().toList());
        tree.add(script);
        keycloak.stop();
        keycloak = null;
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aRestartStopsEveryProcessKeepsTheDatabaseAndDoesNotImportTheRealmAgain() throws IOException {
        int port = URI.create(keycloak.tokenUrl()).getPort();
        assertThat(Tokens.clientCredentials(keycloak.tokenUrl(), "demo-firm", "demo-firm-secret")).isNotBlank();
        stopAndAssertNothingLeft();
        assertThat(workDir.resolve("new").resolve("server").resolve("data").resolve("h2")).isDirectory();
        long logBefore = Files.size(workDir.resolve("new").resolve("keycloak.log"));

        keycloak = KeycloakRunner.start(workDir.resolve("new"), port, REALM, Duration.ofSeconds(180));
        assertThat(keycloak.isRunning()).isTrue();
        assertThat(Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "city-admin", "liuhua")).isNotBlank();
        String secondRun = Files.readString(keycloak.logFile()).substring((int) logBefore);
        assertThat(secondRun).contains("already exists. Import skipped");
    }

    @Test
    void theFirmsClientCredentialsTokenCarriesItsRoleAndTheApiAudience() {
        String token = Tokens.clientCredentials(keycloak.tokenUrl(), "demo-firm", "demo-firm-secret");

        JsonNode claims = Tokens.claims(token);
        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuer());
        assertThat(values(claims.path("realm_access").path("roles"))).contains("THIRD_PARTY_FIRM");
        assertThat(audiences(claims)).contains("liuhua-api");
        assertThat(claims.path("azp").asString()).isEqualTo("demo-firm");
    }

    @Test
    void theTownOfficersPasswordGrantCarriesTheTownClaim() {
        String token = Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "town-officer", "liuhua");

        JsonNode claims = Tokens.claims(token);
        assertThat(claims.path("town_id").asString()).isEqualTo("zjg-jinfeng");
        assertThat(claims.path("preferred_username").asString()).isEqualTo("town-officer");
        assertThat(values(claims.path("realm_access").path("roles"))).contains("TOWN_OFFICER")
                .doesNotContain("CITY_ADMIN");
        assertThat(audiences(claims)).contains("liuhua-api");
    }

    @Test
    void theSeederActsAsCityAdminAndEachOfficerCarriesTheirScopeClaim() {
        JsonNode seeder = Tokens.claims(
                Tokens.clientCredentials(keycloak.tokenUrl(), "liuhua-seeder", "liuhua-seeder-secret"));
        assertThat(values(seeder.path("realm_access").path("roles"))).contains("CITY_ADMIN");

        JsonNode inspector = Tokens.claims(Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "inspector", "liuhua"));
        assertThat(inspector.path("inspector_id").asString()).isEqualTo("insp-jinfeng-01");
        assertThat(values(inspector.path("realm_access").path("roles"))).contains("INSPECTOR");
        assertThat(inspector.has("town_id")).isFalse();

        JsonNode enterprise = Tokens.claims(
                Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "enterprise-officer", "liuhua"));
        assertThat(enterprise.path("establishment_id").asString()).isEqualTo("est-jinfeng-0001");
        JsonNode department = Tokens.claims(
                Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "department-officer", "liuhua"));
        assertThat(department.path("department_id").asString()).isEqualTo("dept-housing");
    }

    @Test
    void aWrongSecretOrPasswordIsRefused() {
        assertThatThrownBy(() -> Tokens.clientCredentials(keycloak.tokenUrl(), "demo-firm", "not-the-secret"))
                .isInstanceOfSatisfying(Tokens.TokenRefusedException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "town-officer", "wrong"))
                .isInstanceOf(Tokens.TokenRefusedException.class);
    }

    @Test
    void realTokensPassTheServicesOwnTokenCheckAndFailItForAnotherAudienceOrIssuer() throws Exception {
        String firm = Tokens.clientCredentials(keycloak.tokenUrl(), "demo-firm", "demo-firm-secret");
        String officer = Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "town-officer", "liuhua");

        JwtDecoder services = servicesTokenCheck(keycloak.issuer(), keycloak.jwkSetUri(), "liuhua-api");
        Caller caller = Caller.from(services.decode(officer));
        assertThat(caller.townId()).isEqualTo("zjg-jinfeng");
        assertThat(caller.roles()).contains("TOWN_OFFICER");
        assertThat(caller.clientId()).isEqualTo("liuhua-cli");
        assertThat(Caller.from(services.decode(firm)).roles()).contains("THIRD_PARTY_FIRM");

        JwtDecoder otherAudience = servicesTokenCheck(keycloak.issuer(), keycloak.jwkSetUri(), "another-api");
        assertThatThrownBy(() -> otherAudience.decode(firm)).isInstanceOf(JwtValidationException.class);
        JwtDecoder otherIssuer = servicesTokenCheck("http://127.0.0.1:" + keycloak.port() + "/realms/liuhua",
                keycloak.jwkSetUri(), "liuhua-api");
        assertThatThrownBy(() -> otherIssuer.decode(firm)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theCockpitLogsInByAuthorizationCodeWithPkceOnlyToItsOwnOrigin() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://localhost:8080/cockpit/";
        String auth = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=cockpit&response_type=code"
                + "&scope=openid&redirect_uri=" + encode(redirect);

        HttpResponse<String> foreign = browser.send(HttpRequest.newBuilder(URI.create(auth.replace(
                encode(redirect), encode("http://evil.example/")) + "&code_challenge_method=S256&code_challenge="
                + challenge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(400);
        HttpResponse<String> withoutPkce = browser.send(HttpRequest.newBuilder(URI.create(auth)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location").orElseThrow()).startsWith(redirect)
                .contains("error=invalid_request");

        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(auth
                + "&code_challenge_method=S256&code_challenge=" + challenge)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(action.find()).isTrue();
        // the login session cookies, as a browser would send them back (java.net's CookieManager refuses "localhost")
        String cookies = String.join("; ", loginPage.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(
                        URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=cockpit-viewer&password=liuhua")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        String location = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).isTrue();

        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=cockpit"
                        + "&code=" + code.group(1) + "&redirect_uri=" + encode(redirect)
                        + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode claims = Tokens.claims(JsonMapper.builder().build().readTree(tokens.body())
                .path("access_token").asString());
        assertThat(claims.path("azp").asString()).isEqualTo("cockpit");
        assertThat(claims.path("preferred_username").asString()).isEqualTo("cockpit-viewer");
        assertThat(values(claims.path("realm_access").path("roles"))).contains("COCKPIT_VIEWER");
        assertThat(audiences(claims)).contains("liuhua-api");
    }

    @Test
    void theDatabaseLivesInTheWorkDirectory() {
        assertThat(Files.isDirectory(workDir.resolve("new").resolve("server").resolve("data").resolve("h2")))
                .isTrue();
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? values(aud) : List.of(aud.asString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /**
     * The services' own token check: the {@code JwtDecoder} Spring Boot builds from the settings a service is given
     * (LIUHUA_SECURITY_*, mapped by the kit's defaults onto {@code spring.security.oauth2.resourceserver.jwt.*}).
     */
    static JwtDecoder servicesTokenCheck(String issuer, String jwkSetUri, String audience) {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TokenCheckOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--liuhua.security.issuer=" + issuer, "--liuhua.security.jwk-set-uri=" + jwkSetUri,
                        "--liuhua.security.audience=" + audience)) {
            return context.getBean(JwtDecoder.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(OAuth2ResourceServerAutoConfiguration.class)
    static class TokenCheckOnly {
    }
}
