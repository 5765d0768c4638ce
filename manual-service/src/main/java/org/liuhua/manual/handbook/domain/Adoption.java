package org.liuhua.manual.handbook.domain;

import java.time.Instant;

/**
 * A template an establishment adopted, pinned to the version it adopted or last confirmed; {@code latestVersion} is
 * the newest published version known (from the template's published events), so an adoption with
 * {@code latestVersion > version} waits for re-confirmation.
 */
public record Adoption(String templateId, String templateCode, String kind, String title, int version,
                       int latestVersion, String adoptedBy, Instant adoptedAt, Instant confirmedAt) {

    public boolean outdated() {
        return latestVersion > version;
    }

    Adoption confirmed(int newVersion, String title, String by, Instant at) {
        return new Adoption(templateId, templateCode, kind, title, newVersion, Math.max(latestVersion, newVersion),
                by, adoptedAt, at);
    }

    Adoption newerPublished(int newest) {
        return new Adoption(templateId, templateCode, kind, title, version, Math.max(latestVersion, newest),
                adoptedBy, adoptedAt, confirmedAt);
    }
}
