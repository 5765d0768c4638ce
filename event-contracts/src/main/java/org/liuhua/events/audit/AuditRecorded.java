package org.liuhua.events.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A state-changing request was handled by a service (S-4 "who did what"). Every service records one per POST, PUT,
 * PATCH and DELETE that reached an endpoint, whatever the outcome; reporting-service keeps them for the
 * {@code CITY_ADMIN} audit query. Key: {@code auditId}.
 *
 * @param auditId    unique id of the record (consumers deduplicate on it)
 * @param service    the service that handled the request ({@code spring.application.name})
 * @param subject    token {@code sub} of the caller
 * @param username   token {@code preferred_username} (a user name, or {@code service-account-<client>})
 * @param clientId   the client the token was issued to ({@code azp})
 * @param roles      the caller's realm roles
 * @param action     HTTP method and route pattern, e.g. {@code POST /api/v1/hazards/{id}/transfer}
 * @param targetId   the object acted on: the {@code id} path variable, or the id of the object created, if known
 * @param occurredAt when the request was handled
 * @param status     the HTTP status answered
 * @param outcome    SUCCEEDED (2xx/3xx), DENIED (401/403), REJECTED (other 4xx) or FAILED (5xx)
 * @param traceId    W3C trace id of the request
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.audit.recorded.v1", topic = Topics.AUDIT)
public record AuditRecorded(
        String auditId,
        String service,
        String subject,
        String username,
        String clientId,
        List<String> roles,
        String action,
        String targetId,
        Instant occurredAt,
        int status,
        String outcome,
        String traceId) {
}
