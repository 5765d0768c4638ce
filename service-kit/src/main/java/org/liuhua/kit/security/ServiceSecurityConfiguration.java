package org.liuhua.kit.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.kit.problem.ProblemType;
import org.liuhua.kit.problem.Problems;
import org.liuhua.kit.web.TraceContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every service is a stateless OAuth2 resource server that validates tokens itself (signature, issuer, audience,
 * expiry) whether the request came through the gateway or not. The check is Spring Boot's {@code JwtDecoder}, built
 * from {@code spring.security.oauth2.resourceserver.jwt.*} (which kit-core derives from LIUHUA_SECURITY_*); the kit
 * adds the mapping of the realm's roles ({@link KeycloakRoleConverter}) and keeps verified tokens until they expire
 * ({@link CachingJwtDecoder}). On the service's port the probes
 * ({@code /actuator/health/**}, {@code /livez}, {@code /readyz}), the API docs and a service's declared public paths
 * are open; the rest of the actuator (metrics included) needs CITY_ADMIN. On a separate management port
 * ({@code management.server.port}, bound to the loopback address or the cluster network) the actuator is open. Authorization of actions is by method security
 * ({@code @PreAuthorize}); data scope is enforced in each service's queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ServiceSecurityConfiguration {

    /** Verified tokens are kept until they expire (docs/adr/0015). */
    @Bean
    static BeanPostProcessor verifiedTokenCache() {
        return CachingJwtDecoder.inFrontOfTheDecoder();
    }

    @Bean
    ManagementPort managementPort() {
        return new ManagementPort();
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, SecurityProperties properties,
                                        ManagementPort managementPort) throws Exception {
        // on the service's port only the probes are open; metrics and the rest of the actuator need CITY_ADMIN
        List<String> open = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/livez", "/readyz",
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"));
        open.addAll(properties.publicPaths());
        AuthenticationEntryPoint unauthorized = (request, response, e) -> write(response, HttpStatus.UNAUTHORIZED,
                ProblemType.UNAUTHORIZED, "a valid bearer token is required");
        AccessDeniedHandler forbidden = (request, response, e) -> write(response, HttpStatus.FORBIDDEN,
                ProblemType.FORBIDDEN, "your role does not allow this action");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(managementPort::isManagementRequest).permitAll()
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.CITY_ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRoleConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized));
        return http.build();
    }

    private static void write(HttpServletResponse response, HttpStatus status, ProblemType type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(Problems.MEDIA_TYPE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.getOutputStream().write(Problems.json(
                Problems.of(status, type, detail, TraceContext.currentTraceId())));
    }
}
