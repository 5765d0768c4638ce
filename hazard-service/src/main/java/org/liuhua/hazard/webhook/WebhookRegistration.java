package org.liuhua.hazard.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * A firm's webhook endpoint (one per firm, keyed by the firm id): the URL and the shared secret the notifications are
 * signed with. The secret is never answered back.
 */
record WebhookRegistration(@Id String firmId, String url, String secret, String registeredBy, Instant registeredAt) {
}
