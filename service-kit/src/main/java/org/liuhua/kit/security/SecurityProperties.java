package org.liuhua.kit.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service validates tokens. Production and the local platform take keys from the issuer's JWKS; tests give a
 * public key. Issuer and audience are always checked.
 *
 * @param issuer      expected {@code iss} (LIUHUA_SECURITY_ISSUER)
 * @param jwkSetUri   where the signing keys are (LIUHUA_SECURITY_JWK_SET_URI); defaults to the Keycloak certs URL
 * @param publicKey   a PEM RSA public key used instead of the JWKS (tests)
 * @param audience    expected {@code aud}
 * @param publicPaths paths open without a token, besides health and docs
 */
@ConfigurationProperties("liuhua.security")
public record SecurityProperties(String issuer, String jwkSetUri, String publicKey, String audience,
                                 List<String> publicPaths) {

    public SecurityProperties {
        issuer = issuer == null ? "http://localhost:8180/realms/liuhua" : issuer;
        jwkSetUri = jwkSetUri == null ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
        audience = audience == null ? "liuhua-api" : audience;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
