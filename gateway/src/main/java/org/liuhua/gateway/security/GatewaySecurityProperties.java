package org.liuhua.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway validates tokens: the same properties and rules as every service (service-kit's
 * {@code SecurityProperties}), so one set of environment variables configures both.
 *
 * @param issuer      expected {@code iss} (LIUHUA_SECURITY_ISSUER)
 * @param jwkSetUri   where the signing keys are (LIUHUA_SECURITY_JWK_SET_URI); defaults to the Keycloak certs URL
 * @param publicKey   a PEM RSA public key used instead of the JWKS (tests)
 * @param audience    expected {@code aud}
 * @param publicPaths API paths open without a token
 */
@ConfigurationProperties("liuhua.security")
public record GatewaySecurityProperties(String issuer, String jwkSetUri, String publicKey, String audience,
                                        List<String> publicPaths) {

    public GatewaySecurityProperties {
        issuer = issuer == null ? "http://localhost:8180/realms/liuhua" : issuer;
        jwkSetUri = jwkSetUri == null ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
        audience = audience == null ? "liuhua-api" : audience;
        publicPaths = publicPaths == null || publicPaths.isEmpty() ? List.of("/api/v1/public/**")
                : List.copyOf(publicPaths);
    }
}
