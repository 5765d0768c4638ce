package org.liuhua.platform.keycloak;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.SecurityProperties;
import org.liuhua.kit.security.ServiceSecurityConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts the real Keycloak with deploy/keycloak/liuhua-realm.json and asks it for the demo identities' tokens. */
class KeycloakRunnerIT {

    @TempDir
    static Path workDir;
    static RunningKeycloak keycloak;

    @BeforeAll
    static void start() throws IOException {
        Path realm = Path.of(System.getProperty("liuhua.keycloak.realm", "../deploy/keycloak/liuhua-realm.json"));
        keycloak = KeycloakRunner.start(workDir, freePort(), realm, Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            ProcessHandle script = ((KeycloakProcess) keycloak).process().toHandle();
            List<ProcessHandle> tree = new ArrayList<>(script.descendants().toList());
            tree.add(script);
            keycloak.stop();
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        }
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
    void theSeederActsAsCityAdminAndTheInspectorCarriesTheirId() {
        JsonNode seeder = Tokens.claims(
                Tokens.clientCredentials(keycloak.tokenUrl(), "liuhua-seeder", "liuhua-seeder-secret"));
        assertThat(values(seeder.path("realm_access").path("roles"))).contains("CITY_ADMIN");

        JsonNode inspector = Tokens.claims(Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "inspector", "liuhua"));
        assertThat(inspector.path("inspector_id").asString()).isEqualTo("insp-jinfeng-01");
        assertThat(values(inspector.path("realm_access").path("roles"))).contains("INSPECTOR");
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

        JwtDecoder services = ServiceSecurityConfiguration.decoder(
                new SecurityProperties(keycloak.issuer(), keycloak.jwkSetUri(), null, "liuhua-api", null));
        Caller caller = Caller.from(services.decode(officer));
        assertThat(caller.townId()).isEqualTo("zjg-jinfeng");
        assertThat(caller.roles()).contains("TOWN_OFFICER");
        assertThat(caller.clientId()).isEqualTo("liuhua-cli");
        assertThat(Caller.from(services.decode(firm)).roles()).contains("THIRD_PARTY_FIRM");

        JwtDecoder otherAudience = ServiceSecurityConfiguration.decoder(
                new SecurityProperties(keycloak.issuer(), keycloak.jwkSetUri(), null, "another-api", null));
        assertThatThrownBy(() -> otherAudience.decode(firm)).isInstanceOf(JwtValidationException.class);
        JwtDecoder otherIssuer = ServiceSecurityConfiguration.decoder(new SecurityProperties(
                "http://127.0.0.1:" + keycloak.port() + "/realms/liuhua", keycloak.jwkSetUri(), null, null, null));
        assertThatThrownBy(() -> otherIssuer.decode(firm)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theDatabaseLivesInTheWorkDirectory() {
        assertThat(Files.isDirectory(workDir.resolve("server").resolve("data").resolve("h2"))).isTrue();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
