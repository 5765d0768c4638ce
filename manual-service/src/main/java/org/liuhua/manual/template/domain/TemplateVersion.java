package org.liuhua.manual.template.domain;

import java.time.Instant;

/** One version of a template: its content and where it is in its life. */
public record TemplateVersion(int number, VersionState state, TemplateContent content, String note,
                              String createdBy, Instant createdAt, String publishedBy, Instant publishedAt,
                              Instant supersededAt) {

    TemplateVersion withContent(TemplateContent newContent, String newNote) {
        return new TemplateVersion(number, state, newContent, newNote, createdBy, createdAt, publishedBy,
                publishedAt, supersededAt);
    }

    TemplateVersion published(String by, Instant at) {
        return new TemplateVersion(number, VersionState.PUBLISHED, content, note, createdBy, createdAt, by, at,
                null);
    }

    TemplateVersion superseded(Instant at) {
        return new TemplateVersion(number, VersionState.SUPERSEDED, content, note, createdBy, createdAt,
                publishedBy, publishedAt, at);
    }
}
