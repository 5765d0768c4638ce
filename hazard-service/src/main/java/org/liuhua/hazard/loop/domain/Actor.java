package org.liuhua.hazard.loop.domain;

/**
 * Who acts on a hazard: subject (signature), display name, the role acted in, and the inspector id or firm when the
 * actor is one.
 */
public record Actor(String subject, String name, String role, String inspectorId, String firmId) {

    public static final Actor SYSTEM = new Actor("system", "system", "SYSTEM", null, null);
}
