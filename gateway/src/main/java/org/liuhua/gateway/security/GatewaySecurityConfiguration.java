package org.liuhua.gateway.security;

import org.liuhua.gateway.edge.ProblemResponses;
import org.liuhua.kit.problem.ProblemType;
import org.liuhua.kit.security.SecurityProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * The gateway validates every token on {@code /api/v1/**} with the services' rules and relays it unchanged: the
 * services validate it again themselves and decide what the caller may do and see. The check is Spring Boot's
 * {@code ReactiveJwtDecoder}, built from the same {@code spring.security.oauth2.resourceserver.jwt.*} as the services'
 * (RS256 signature by the realm's JWKS, issuer, audience {@code liuhua-api}, expiry; kit-core derives them from
 * LIUHUA_SECURITY_*), with the tokens that passed kept until they expire ({@link CachingReactiveJwtDecoder}). Open
 * without a token: the public API paths ({@code liuhua.security.public-paths}), the gateway's
 * health, API docs and the cockpit's static page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class GatewaySecurityConfiguration {

    /** Verified tokens are kept until they expire (docs/adr/0015). */
    @Bean
    static BeanPostProcessor verifiedTokenCache() {
        return CachingReactiveJwtDecoder.inFrontOfTheDecoder();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, SecurityProperties properties) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
                    "a valid bearer token is required");
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
                ProblemType.FORBIDDEN, "your role does not allow this action");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }
}
