package org.liuhua.kit.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens shaped like the Keycloak realm's (issuer, audience {@code liuhua-api}, {@code realm_access.roles},
 * scope claims) with a key made for the test JVM. Services under test are given {@link #publicKeyPem()}, so they
 * validate these tokens with the same decoder and validators they use in production.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer/realms/liuhua";
    public static final String AUDIENCE = "liuhua-api";
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();

    private TestTokens() {
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** A token for a user with the given realm roles and extra claims (e.g. {@code town_id}). */
    public static String user(String username, List<String> roles, Map<String, Object> claims) {
        return sign(KEYS, b -> {
            b.subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                    .claim("preferred_username", username)
                    .claim("azp", "liuhua-cli")
                    .claim("realm_access", Map.of("roles", roles));
            claims.forEach(b::claim);
        });
    }

    public static String user(String username, String role) {
        return user(username, List.of(role), Map.of());
    }

    /** A token as Keycloak issues it to a confidential client (client credentials). */
    public static String client(String clientId, List<String> roles) {
        return sign(KEYS, b -> b.subject(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .claim("preferred_username", "service-account-" + clientId)
                .claim("azp", clientId)
                .claim("client_id", clientId)
                .claim("realm_access", Map.of("roles", roles)));
    }

    /** A token with the standard claims then changed by {@code customizer}; for the negative security tests. */
    public static String custom(Consumer<JWTClaimsSet.Builder> customizer) {
        return sign(KEYS, customizer);
    }

    /** Like {@link #custom} but signed by a key the services do not trust. */
    public static String signedByOtherKey(Consumer<JWTClaimsSet.Builder> customizer) {
        return sign(OTHER_KEYS, customizer);
    }

    private static String sign(KeyPair keys, Consumer<JWTClaimsSet.Builder> customizer) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .audience(AUDIENCE)
                    .issueTime(java.util.Date.from(now))
                    .expirationTime(java.util.Date.from(now.plus(Duration.ofMinutes(10))))
                    .jwtID(UUID.randomUUID().toString());
            customizer.accept(claims);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID("test").build(), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
