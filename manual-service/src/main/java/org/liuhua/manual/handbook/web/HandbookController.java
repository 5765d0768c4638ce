package org.liuhua.manual.handbook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.manual.handbook.Handbooks;
import org.liuhua.manual.handbook.Handbooks.Lagging;
import org.liuhua.manual.handbook.domain.Handbook;
import org.liuhua.manual.handbook.domain.Post;
import org.liuhua.manual.handbook.web.HandbookViews.AdoptRequest;
import org.liuhua.manual.handbook.web.HandbookViews.HandbookSummary;
import org.liuhua.manual.handbook.web.HandbookViews.HandbookView;
import org.liuhua.manual.handbook.web.HandbookViews.PostsRequest;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/handbooks")
@Tag(name = "Handbooks", description = "Adoption of templates by establishments, posts, completeness, reviews, "
        + "lagging establishments (M-4)")
class HandbookController {

    private final Handbooks handbooks;

    HandbookController(Handbooks handbooks) {
        this.handbooks = handbooks;
    }

    @GetMapping
    @Operation(summary = "Handbooks in the caller's scope")
    PageResponse<HandbookSummary> list(@RequestParam(required = false) String townId,
                                       @SortableBy(value = {"establishmentId", "townId", "reviewDueOn"},
                                               byDefault = "establishmentId,asc") PageQuery page) {
        return PageResponse.of(handbooks.list(Caller.current(), townId, page), HandbookSummary::of);
    }

    @GetMapping("/lagging")
    @Operation(summary = "Establishments whose handbook lags (none adopted, posts without a card, newer version "
            + "unconfirmed, review overdue), for a notice (通报)")
    PageResponse<Lagging> lagging(@RequestParam(required = false) String townId,
                                  @RequestParam(required = false) String departmentId,
                                  @SortableBy(value = {}) PageQuery page) {
        return PageResponse.of(handbooks.lagging(Caller.current(), townId, departmentId), page);
    }

    @GetMapping("/reviews-due")
    @Operation(summary = "Handbooks whose periodic review is due within the given days, or overdue")
    PageResponse<HandbookSummary> reviewsDue(@RequestParam(defaultValue = "30") int withinDays,
                                             @SortableBy(value = {"reviewDueOn", "establishmentId"},
                                                     byDefault = "reviewDueOn,asc") PageQuery page) {
        return PageResponse.of(handbooks.reviewsDue(Caller.current(), withinDays, page), HandbookSummary::of);
    }

    @GetMapping("/{establishmentId}")
    @Operation(summary = "An establishment's handbook: adoptions (with a newer version and its diff), posts, "
            + "completeness")
    HandbookView get(@PathVariable String establishmentId) {
        return view(handbooks.get(Caller.current(), establishmentId));
    }

    @GetMapping("/{establishmentId}/adoptable-templates")
    @Operation(summary = "Published templates for the establishment's industry and risk flags")
    PageResponse<AdoptableTemplate> adoptable(@PathVariable String establishmentId,
                                              @SortableBy(value = {}) PageQuery page) {
        return PageResponse.of(handbooks.adoptable(Caller.current(), establishmentId).stream()
                .map(t -> new AdoptableTemplate(t.id(), t.code(), t.kind().name(),
                        t.published().orElseThrow().content().title(), t.published().orElseThrow().number()))
                .toList(), page);
    }

    /** A published template an establishment may adopt. */
    record AdoptableTemplate(String id, String code, String kind, String title, int publishedVersion) {
    }

    @PostMapping("/{establishmentId}/adoptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adopt a published template (pins its current version)")
    HandbookView adopt(@PathVariable String establishmentId, @RequestBody AdoptRequest body) {
        return view(handbooks.adopt(Caller.current(), establishmentId, body.templateId()));
    }

    @PostMapping("/{establishmentId}/adoptions/{templateId}/confirm")
    @Operation(summary = "Re-confirm an adopted template at its newest published version")
    HandbookView confirm(@PathVariable String establishmentId, @PathVariable String templateId) {
        return view(handbooks.confirm(Caller.current(), establishmentId, templateId));
    }

    @PutMapping("/{establishmentId}/posts")
    @Operation(summary = "Name the establishment's posts (a post keeps its card while its key stays)")
    HandbookView posts(@PathVariable String establishmentId, @RequestBody PostsRequest body) {
        return view(handbooks.namePosts(Caller.current(), establishmentId, body.posts() == null ? null
                : body.posts().stream().map(p -> new Post(p.key(), p.name(), null)).toList()));
    }

    @PostMapping("/{establishmentId}/review")
    @Operation(summary = "Record the periodic review; the next one is due after the review interval")
    HandbookView review(@PathVariable String establishmentId) {
        return view(handbooks.reviewed(Caller.current(), establishmentId));
    }

    private HandbookView view(Handbook handbook) {
        return HandbookView.of(handbook, handbooks.adoptionStatus(handbook));
    }
}
