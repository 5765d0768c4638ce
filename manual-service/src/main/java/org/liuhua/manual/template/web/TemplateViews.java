package org.liuhua.manual.template.web;

import java.time.Instant;
import java.util.List;

import org.liuhua.manual.template.domain.AppliesTo;
import org.liuhua.manual.template.domain.Section;
import org.liuhua.manual.template.domain.Template;
import org.liuhua.manual.template.domain.TemplateContent;
import org.liuhua.manual.template.domain.TemplateKind;
import org.liuhua.manual.template.domain.TemplatePost;
import org.liuhua.manual.template.domain.TemplateVersion;
import org.liuhua.manual.template.domain.VersionState;

/** What the template API answers. */
final class TemplateViews {

    private TemplateViews() {
    }

    /** A list item: no content, the numbers of the published and the newest version. */
    record TemplateSummary(String id, String code, TemplateKind kind, String title, String departmentId,
                           List<String> industries, List<String> flags, Integer publishedVersion, int newestVersion,
                           String origin) {

        static TemplateSummary of(Template t) {
            TemplateVersion shown = t.published().orElse(t.newest());
            return new TemplateSummary(t.id(), t.code(), t.kind(), shown.content().title(), t.departmentId(),
                    t.appliesTo().industries(), t.appliesTo().flags(),
                    t.published().map(TemplateVersion::number).orElse(null), t.newest().number(), t.origin());
        }
    }

    /** A version without its content. */
    record VersionSummary(int number, VersionState state, String note, String createdBy, Instant createdAt,
                          String publishedBy, Instant publishedAt, Instant supersededAt) {

        static VersionSummary of(TemplateVersion v) {
            return new VersionSummary(v.number(), v.state(), v.note(), v.createdBy(), v.createdAt(), v.publishedBy(),
                    v.publishedAt(), v.supersededAt());
        }
    }

    /** One template: its versions and the content of the published one (or of the draft before any is published). */
    record TemplateView(String id, String code, TemplateKind kind, String departmentId, AppliesTo appliesTo,
                        String origin, Integer publishedVersion, List<VersionSummary> versions, VersionView current) {

        /** With {@code drafts} false (a reader who does not write it) drafts are left out. */
        static TemplateView of(Template t, boolean drafts) {
            TemplateVersion shown = t.published().orElse(drafts ? t.newest() : null);
            return new TemplateView(t.id(), t.code(), t.kind(), t.departmentId(), t.appliesTo(), t.origin(),
                    t.published().map(TemplateVersion::number).orElse(null),
                    t.versions().stream().filter(v -> drafts || v.state() != VersionState.DRAFT)
                            .map(VersionSummary::of).toList(),
                    shown == null ? null : VersionView.of(t.id(), shown));
        }
    }

    /** One version with its content. */
    record VersionView(String templateId, int number, VersionState state, String note, String title,
                       List<Section> sections, List<TemplatePost> posts, Instant publishedAt) {

        static VersionView of(String templateId, TemplateVersion v) {
            TemplateContent c = v.content();
            return new VersionView(templateId, v.number(), v.state(), v.note(), c.title(), c.sections(), c.posts(),
                    v.publishedAt());
        }
    }

    /** The body of a new template. */
    record NewTemplateRequest(String code, TemplateKind kind, String departmentId, AppliesTo appliesTo, String title,
                              List<Section> sections, List<TemplatePost> posts) {
    }

    /** The content of a draft (or of a new version; all fields empty means "copy the newest version"). */
    record ContentRequest(String title, List<Section> sections, List<TemplatePost> posts, String note) {

        boolean empty() {
            return title == null && sections == null && posts == null;
        }

        TemplateContent content() {
            return new TemplateContent(title, sections, posts);
        }
    }
}
