package org.liuhua.manual.template.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.liuhua.events.manual.TemplatePublished;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.NotFoundException;

/**
 * A handbook template of one supervising department for its industries (M-1) with all its versions (M-2): at most
 * one draft, at most one published version (the current one), the versions before it superseded. A published or
 * superseded version never changes; a change is a new draft, published in turn.
 */
public class Template extends AggregateRoot {

    private String id;
    private String code;
    private TemplateKind kind;
    private String departmentId;
    private AppliesTo appliesTo;
    private String origin;
    private List<TemplateVersion> versions = new ArrayList<>();

    Template() {
    }

    private Template(String id, String code, TemplateKind kind, String departmentId, AppliesTo appliesTo,
                     String origin) {
        this.id = id;
        this.code = code;
        this.kind = kind;
        this.departmentId = departmentId;
        this.appliesTo = appliesTo == null ? new AppliesTo(List.of(), List.of()) : appliesTo;
        this.origin = origin;
    }

    /** A new template with its first version as a draft. */
    public static Template draft(String id, String code, TemplateKind kind, String departmentId, AppliesTo appliesTo,
                                 TemplateContent content, String by, Instant now) {
        Template template = new Template(id, code, kind, departmentId, appliesTo, "DEPARTMENT");
        template.versions.add(new TemplateVersion(1, VersionState.DRAFT, content.checked(), null, by, now, null,
                null, null));
        return template;
    }

    /** Starter content shipped with the service: created directly as published version 1. */
    public static Template starter(String id, String code, TemplateKind kind, String departmentId,
                                   AppliesTo appliesTo, TemplateContent content, Instant now) {
        Template template = new Template(id, code, kind, departmentId, appliesTo, "STARTER");
        template.versions.add(new TemplateVersion(1, VersionState.DRAFT, content.checked(), "starter content",
                "manual-service", now, null, null, null));
        template.publish(1, "manual-service", now);
        return template;
    }

    /** Changes a draft; a published or superseded version is immutable (409). */
    public void editDraft(int number, TemplateContent content, String note, String by, Instant now) {
        TemplateVersion version = version(number);
        requireDraft(version, "edited");
        replace(version.withContent(content.checked(), note));
    }

    /** Starts the next version as a draft (a copy of the newest version when no content is given). */
    public TemplateVersion newDraft(TemplateContent content, String note, String by, Instant now) {
        Optional<TemplateVersion> open = versions.stream().filter(v -> v.state() == VersionState.DRAFT).findFirst();
        if (open.isPresent()) {
            throw new ConflictException("version " + open.get().number() + " is still a draft: edit or publish it",
                    VersionState.DRAFT.name(), List.of("editDraft", "publish"));
        }
        TemplateVersion newest = newest();
        TemplateContent next = content == null ? newest.content() : content.checked();
        TemplateVersion draft = new TemplateVersion(newest.number() + 1, VersionState.DRAFT, next, note, by, now,
                null, null, null);
        versions.add(draft);
        return draft;
    }

    /** Publishes a draft; the version published before it is superseded. */
    public void publish(int number, String by, Instant now) {
        TemplateVersion version = version(number);
        requireDraft(version, "published");
        Optional<TemplateVersion> previous = published();
        previous.ifPresent(p -> replace(p.superseded(now)));
        TemplateVersion published = version.published(by, now);
        replace(published);
        List<String> changed = previous.map(p -> TemplateDiff.between(id, p, published).changedSectionKeys())
                .orElse(List.of());
        registerEvent(new TemplatePublished(id, code, kind.name(), published.content().title(), departmentId,
                appliesTo.industries(), appliesTo.flags(), number, previous.map(TemplateVersion::number).orElse(null),
                changed, by, now));
    }

    public TemplateDiff diff(int from, int to) {
        return TemplateDiff.between(id, version(from), version(to));
    }

    public TemplateVersion version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("template version", id + " v" + number));
    }

    public Optional<TemplateVersion> published() {
        return versions.stream().filter(v -> v.state() == VersionState.PUBLISHED).findFirst();
    }

    public TemplateVersion newest() {
        return versions.stream().max(Comparator.comparingInt(TemplateVersion::number)).orElseThrow();
    }

    private void requireDraft(TemplateVersion version, String what) {
        if (version.state() != VersionState.DRAFT) {
            throw new ConflictException("version " + version.number() + " of template " + code + " is "
                    + version.state() + " and cannot be " + what + "; start a new version instead",
                    version.state().name(), List.of("newVersion"));
        }
    }

    private void replace(TemplateVersion version) {
        versions.replaceAll(v -> v.number() == version.number() ? version : v);
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public TemplateKind kind() {
        return kind;
    }

    public String departmentId() {
        return departmentId;
    }

    public AppliesTo appliesTo() {
        return appliesTo;
    }

    public String origin() {
        return origin;
    }

    public List<TemplateVersion> versions() {
        return List.copyOf(versions);
    }
}
