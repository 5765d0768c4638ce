package org.liuhua.kit.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the validated token: the subject, the client it came through, the realm roles and the
 * scope attributes the realm puts in the token. Scope facts the token cannot know (an inspector's units, a firm's
 * contracts) are kept by each service from grid events.
 */
public record Caller(String subject, String username, String clientId, Set<String> roles, String townId,
                     String departmentId, String establishmentId, String inspectorId) {

    public static final String CLAIM_TOWN = "town_id";
    public static final String CLAIM_DEPARTMENT = "department_id";
    public static final String CLAIM_ESTABLISHMENT = "establishment_id";
    public static final String CLAIM_INSPECTOR = "inspector_id";

    public static Caller from(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        String clientId = jwt.getClaimAsString("azp");
        if (clientId == null) {
            clientId = jwt.getClaimAsString("client_id");
        }
        return new Caller(jwt.getSubject(), username == null ? jwt.getSubject() : username, clientId,
                KeycloakRoleConverter.realmRoles(jwt), jwt.getClaimAsString(CLAIM_TOWN),
                jwt.getClaimAsString(CLAIM_DEPARTMENT), jwt.getClaimAsString(CLAIM_ESTABLISHMENT),
                jwt.getClaimAsString(CLAIM_INSPECTOR));
    }

    /** The caller of the current request; fails when there is none (a public endpoint must not ask). */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new IllegalStateException("no authenticated caller");
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** City-wide readers: the bureau and the cockpit. */
    public boolean cityWide() {
        return hasAny(Roles.CITY_ADMIN, Roles.COCKPIT_VIEWER);
    }

    /** A short description for audit and history entries. */
    public String signature() {
        return username + " " + List.copyOf(roles);
    }
}
