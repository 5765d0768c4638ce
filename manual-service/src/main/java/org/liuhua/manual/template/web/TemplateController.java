package org.liuhua.manual.template.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.manual.template.Templates;
import org.liuhua.manual.template.domain.TemplateDiff;
import org.liuhua.manual.template.domain.TemplateKind;
import org.liuhua.manual.template.web.TemplateViews.ContentRequest;
import org.liuhua.manual.template.web.TemplateViews.NewTemplateRequest;
import org.liuhua.manual.template.web.TemplateViews.TemplateSummary;
import org.liuhua.manual.template.web.TemplateViews.TemplateView;
import org.liuhua.manual.template.web.TemplateViews.VersionView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates", description = "Handbook templates per industry and supervising department (M-1, M-2)")
class TemplateController {

    /** Who writes templates at all (which department's, TemplateAccess decides with the template in hand). */
    private static final String WRITERS = "hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')";

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @PreAuthorize(WRITERS)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a template (its version 1 as a draft); a department creates its own only")
    TemplateView create(@RequestBody NewTemplateRequest body) {
        return TemplateView.of(templates.create(Caller.current(), new Templates.NewTemplate(body.code(), body.kind(),
                body.departmentId(), body.appliesTo(),
                new ContentRequest(body.title(), body.sections(), body.posts(), null).content())), true);
    }

    @GetMapping
    @Operation(summary = "List templates, filtered by kind, department, industry or risk flag")
    PageResponse<TemplateSummary> list(@RequestParam(required = false) TemplateKind kind,
                                       @RequestParam(required = false) String departmentId,
                                       @RequestParam(required = false) String industry,
                                       @RequestParam(required = false) String flag,
                                       @SortableBy(value = {"code", "kind", "departmentId"}, byDefault = "code,asc")
                                       PageQuery page) {
        return PageResponse.of(templates.list(new Templates.Filter(kind, departmentId, industry, flag), page),
                TemplateSummary::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A template with its versions and the content of the published one")
    TemplateView get(@PathVariable String id) {
        var template = templates.get(id);
        return TemplateView.of(template, templates.seesDrafts(Caller.current(), template));
    }

    @GetMapping("/{id}/versions/{number}")
    @Operation(summary = "One version's content")
    VersionView version(@PathVariable String id, @PathVariable int number) {
        return VersionView.of(id, templates.version(Caller.current(), id, number));
    }

    @PreAuthorize(WRITERS)
    @PutMapping("/{id}/versions/{number}")
    @Operation(summary = "Edit a draft; a published or superseded version is immutable (409)")
    VersionView edit(@PathVariable String id, @PathVariable int number, @RequestBody ContentRequest body) {
        return VersionView.of(id, templates.editDraft(Caller.current(), id, number, body.content(), body.note())
                .version(number));
    }

    @PreAuthorize(WRITERS)
    @PostMapping("/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start the next version as a draft (a copy of the newest version when the body is empty)")
    VersionView newVersion(@PathVariable String id, @RequestBody(required = false) ContentRequest body) {
        boolean copy = body == null || body.empty();
        return VersionView.of(id, templates.newVersion(Caller.current(), id, copy ? null : body.content(),
                body == null ? null : body.note()));
    }

    @PreAuthorize(WRITERS)
    @PostMapping("/{id}/versions/{number}/publish")
    @Operation(summary = "Publish a draft; the version published before it is superseded")
    TemplateView publish(@PathVariable String id, @PathVariable int number) {
        return TemplateView.of(templates.publish(Caller.current(), id, number), true);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "What changed between two versions, section by section")
    TemplateDiff diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return templates.diff(id, from, to);
    }
}
