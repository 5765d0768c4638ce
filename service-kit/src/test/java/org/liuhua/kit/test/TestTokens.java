package org.liuhua.kit.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Signs tokens shaped like the Keycloak realm's (issuer, audience {@code liuhua-api}, {@code realm_access.roles},
 * scope claims) with a key made for the test JVM, and serves that key as a JWKS on the loopback
 * ({@link #jwkSetUri()}). Services and the gateway under test are given {@link #ISSUER} and that URI
 * ({@code liuhua.security.issuer}, {@code liuhua.security.jwk-set-uri}), so they validate these tokens with the very
 * decoder Spring Boot builds for them in production.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer/realms/liuhua";
    public static final String AUDIENCE = "liuhua-api";
    static final String KEY_ID = "test";
    static final String JWKS_PATH = "/realms/liuhua/protocol/openid-connect/certs";
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static String jwkSetUri;

    private TestTokens() {
    }

    /**
     * Where the test key is published as a JWKS (like the realm's certs endpoint), for as long as this JVM runs. The
     * server is started on first use; its thread is a daemon, so it never keeps a finished JVM alive.
     */
    public static synchronized String jwkSetUri() {
        if (jwkSetUri == null) {
            jwkSetUri = serveJwks();
        }
        return jwkSetUri;
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
                    .keyID(KEY_ID).build(), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    private static String serveJwks() {
        byte[] jwks = new JWKSet(new RSAKey.Builder(publicKey()).keyID(KEY_ID).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build()).toString().getBytes(StandardCharsets.UTF_8);
        AtomicReference<Object> started = new AtomicReference<>();
        // the server's dispatcher thread inherits the daemon flag of the thread that starts it
        Thread starter = new Thread(() -> {
            try {
                HttpServer server = HttpServer.create(
                        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
                server.createContext(JWKS_PATH, exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(jwks);
                    }
                });
                server.start();
                started.set("http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH);
            } catch (IOException e) {
                started.set(e);
            }
        }, "test-jwks-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (started.get() instanceof String uri) {
            return uri;
        }
        throw new IllegalStateException("cannot serve the test JWKS", (Throwable) started.get());
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
