package org.liuhua.kit.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented variables reach Spring Boot's resource-server properties. */
class SecurityDefaultsTest {

    static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Test
    void withoutSettingsTheLocalKeycloakRealmIsTrusted() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty(JWT + "issuer-uri")).isEqualTo("http://localhost:8180/realms/liuhua");
        assertThat(environment.getProperty(JWT + "jwk-set-uri"))
                .isEqualTo("http://localhost:8180/realms/liuhua/protocol/openid-connect/certs");
        assertThat(environment.getProperty(JWT + "audiences")).isEqualTo("liuhua-api");
        assertThat(environment.getProperty(JWT + "jws-algorithms")).isEqualTo("RS256");
    }

    @Test
    void theIssuerAndTheKeysComeFromTheDocumentedEnvironmentVariables() {
        StandardEnvironment environment = environment(Map.of(
                "LIUHUA_SECURITY_ISSUER", "https://id.example.gov.cn/realms/liuhua",
                "LIUHUA_SECURITY_JWK_SET_URI", "http://keycloak.liuhua:8080/realms/liuhua/certs"));

        assertThat(environment.getProperty(JWT + "issuer-uri")).isEqualTo("https://id.example.gov.cn/realms/liuhua");
        assertThat(environment.getProperty(JWT + "jwk-set-uri"))
                .isEqualTo("http://keycloak.liuhua:8080/realms/liuhua/certs");
    }

    @Test
    void onlyTheIssuerGivenTheKeysAreTheIssuersCerts() {
        StandardEnvironment environment = environment(Map.of("LIUHUA_SECURITY_ISSUER", "http://kc:8180/realms/x"));

        assertThat(environment.getProperty(JWT + "jwk-set-uri"))
                .isEqualTo("http://kc:8180/realms/x/protocol/openid-connect/certs");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", variables));
        environment.getPropertySources().addFirst(new MapPropertySource("none", Map.of()));
        new SecurityDefaults().postProcessEnvironment(environment, null);
        return environment;
    }
}
