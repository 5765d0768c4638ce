package org.liuhua.kit.security;

import org.liuhua.kit.config.ClasspathDefaults;

/**
 * Maps the documented security variables onto Spring Boot's resource-server properties
 * ({@code liuhua-security-defaults.properties}), for the gateway and every service alike: issuer, JWKS location and
 * audience. Boot then builds the token decoder (RS256 signature by the JWKS keys, issuer, audience, expiry).
 */
public class SecurityDefaults extends ClasspathDefaults {

    public SecurityDefaults() {
        super("liuhua-security-defaults.properties");
    }
}
