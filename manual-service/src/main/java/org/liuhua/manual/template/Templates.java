package org.liuhua.manual.template;

import org.liuhua.kit.time.CityCalendar;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.manual.template.domain.AppliesTo;
import org.liuhua.manual.template.domain.Template;
import org.liuhua.manual.template.domain.TemplateContent;
import org.liuhua.manual.template.domain.TemplateDiff;
import org.liuhua.manual.template.domain.TemplateKind;
import org.liuhua.manual.template.domain.TemplateVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Templates' use cases: create, edit drafts, start and publish versions, compare versions, list. */
@Service
public class Templates {

    public static final String COLLECTION = "templates";

    /** A template's filterable fields. */
    public record Filter(TemplateKind kind, String departmentId, String industry, String flag) {
    }

    /** A new template as a department writes it. */
    public record NewTemplate(String code, TemplateKind kind, String departmentId, AppliesTo appliesTo,
                              TemplateContent content) {
    }

    private final AggregateStore<Template> store;
    private final TemplateAccess access;
    private final CityCalendar clock;

    Templates(MongoTemplate mongo, TemplateAccess access, CityCalendar clock, java.time.Clock storeClock) {
        this.store = new AggregateStore<>(mongo, Template.class, COLLECTION, storeClock);
        this.access = access;
        this.clock = clock;
    }

    public Template create(Caller caller, NewTemplate command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.code() == null || !command.code().matches("[a-z0-9][a-z0-9-]{1,63}")) {
            problems.add(new FieldProblem("code", "a code of 2-64 lower-case letters, digits and '-'"));
        }
        if (command.kind() == null) {
            problems.add(new FieldProblem("kind", "one of " + List.of(TemplateKind.values())));
        }
        if (command.departmentId() == null || command.departmentId().isBlank()) {
            problems.add(new FieldProblem("departmentId", "the supervising department is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        access.requireWrite(caller, command.departmentId());
        Template template = Template.draft(idOf(command.code()), command.code(), command.kind(),
                command.departmentId(), command.appliesTo(), command.content(), caller.username(), clock.now());
        try {
            return store.insert(template);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a template with code " + command.code() + " exists");
        }
    }

    public Template get(String id) {
        return store.get(id, "template");
    }

    /** Whether the caller may see the template's drafts (its department and the city administrator). */
    public boolean seesDrafts(Caller caller, Template template) {
        return access.canWrite(caller, template.departmentId());
    }

    /** A version the caller may read: published and superseded ones for everyone, drafts for their writers. */
    public TemplateVersion version(Caller caller, String id, int number) {
        Template template = get(id);
        TemplateVersion version = template.version(number);
        if (version.state() == org.liuhua.manual.template.domain.VersionState.DRAFT && !seesDrafts(caller, template)) {
            throw new org.liuhua.kit.domain.NotFoundException("template version", id + " v" + number);
        }
        return version;
    }

    public Template editDraft(Caller caller, String id, int number, TemplateContent content, String note) {
        access.requireWrite(caller, get(id).departmentId());
        return store.change(id, "template", t -> {
            t.editDraft(number, content, note, caller.username(), clock.now());
            return t;
        });
    }

    public TemplateVersion newVersion(Caller caller, String id, TemplateContent content, String note) {
        access.requireWrite(caller, get(id).departmentId());
        return store.change(id, "template", t -> t.newDraft(content, note, caller.username(), clock.now()));
    }

    public Template publish(Caller caller, String id, int number) {
        access.requireWrite(caller, get(id).departmentId());
        return store.change(id, "template", t -> {
            t.publish(number, caller.username(), clock.now());
            return t;
        });
    }

    public TemplateDiff diff(String id, int from, int to) {
        return get(id).diff(from, to);
    }

    public Page<Template> list(Filter filter, PageQuery page) {
        Query query = new Query();
        if (filter.kind() != null) {
            query.addCriteria(Criteria.where("kind").is(filter.kind()));
        }
        if (filter.departmentId() != null) {
            query.addCriteria(Criteria.where("departmentId").is(filter.departmentId()));
        }
        if (filter.industry() != null) {
            query.addCriteria(Criteria.where("appliesTo.industries").is(filter.industry()));
        }
        if (filter.flag() != null) {
            query.addCriteria(Criteria.where("appliesTo.flags").is(filter.flag()));
        }
        return store.page(query, page.pageable());
    }

    /** The published templates for an industry and its flags (what an establishment may adopt). */
    public List<Template> publishedFor(String industry, List<String> flags) {
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("appliesTo.industries").is(industry));
        if (flags != null && !flags.isEmpty()) {
            any.add(Criteria.where("appliesTo.flags").in(flags));
        }
        return store.find(new Query(new Criteria().orOperator(any))).stream()
                .filter(t -> t.published().isPresent()).toList();
    }

    /** Inserts a starter template unless one with its id is there; answers whether it was inserted. */
    boolean insertStarter(Template template) {
        if (store.findById(template.id()).isPresent()) {
            return false;
        }
        try {
            store.insert(template);
            return true;
        } catch (DuplicateKeyException concurrently) {
            return false;
        }
    }

    public static String idOf(String code) {
        return "tpl-" + code;
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        CollectionIndexes templateIndexes() {
            return CollectionIndexes.of(COLLECTION,
                    new Index().on("code", org.springframework.data.domain.Sort.Direction.ASC).unique(),
                    CollectionIndexes.on("kind", "code"),
                    CollectionIndexes.on("departmentId", "code"),
                    CollectionIndexes.on("appliesTo.industries", "code"),
                    CollectionIndexes.on("appliesTo.flags", "code"));
        }
    }
}
