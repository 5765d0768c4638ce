package org.liuhua.kit.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a resource server (the gateway or a service) opens without a token. The token check itself is Spring Boot's,
 * configured by {@code spring.security.oauth2.resourceserver.jwt.*}; {@link SecurityDefaults} derives those from
 * {@code liuhua.security.issuer}, {@code liuhua.security.jwk-set-uri} and {@code liuhua.security.audience}
 * (LIUHUA_SECURITY_ISSUER, LIUHUA_SECURITY_JWK_SET_URI), so one set of variables configures every one of them.
 *
 * @param publicPaths paths open without a token, besides health and API docs (e.g. {@code /api/v1/public/**})
 */
@ConfigurationProperties("liuhua.security")
public record SecurityProperties(List<String> publicPaths) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
