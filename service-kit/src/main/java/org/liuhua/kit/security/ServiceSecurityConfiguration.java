package org.liuhua.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.kit.web.ProblemHandling;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is a stateless OAuth2 resource server that validates tokens itself (signature, issuer, audience,
 * expiry) whether the request came through the gateway or not. Health, metrics scraping and API docs are open; so
 * are a service's declared public paths. Authorization of actions is by method security ({@code @PreAuthorize});
 * data scope is enforced in each service's queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ServiceSecurityConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, SecurityProperties properties, JwtDecoder decoder)
            throws Exception {
        List<String> open = new ArrayList<>(List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"));
        open.addAll(properties.publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.CITY_ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new KeycloakRoleConverter()))
                        .authenticationEntryPoint((request, response, e) -> writeProblem(response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "your role does not allow this action")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> writeProblem(response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                "a valid bearer token is required")));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) throws Exception {
        return decoder(properties);
    }

    /**
     * The one token check of every service: RS256 signature by the issuer's keys (JWKS, or a PEM public key in
     * tests), issuer, audience, expiry. Public so that tests against the real Keycloak use exactly this check.
     */
    public static JwtDecoder decoder(SecurityProperties properties) throws Exception {
        NimbusJwtDecoder decoder;
        if (properties.publicKey() != null && !properties.publicKey().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(parse(properties.publicKey()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        }
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
                && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token is not meant for " + properties.audience(), null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
        return decoder;
    }

    static RSAPublicKey parse(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String type, String title,
                             String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemHandling.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
