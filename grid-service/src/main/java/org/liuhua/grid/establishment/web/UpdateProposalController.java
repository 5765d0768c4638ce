package org.liuhua.grid.establishment.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.liuhua.grid.establishment.EnterpriseUpdates;
import org.liuhua.grid.establishment.domain.EstablishmentDraft;
import org.liuhua.grid.establishment.domain.Post;
import org.liuhua.grid.establishment.domain.UpdateProposal;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.kit.domain.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enterprise officers propose updates of their own establishment's facts (employees, workshops/shifts, posts); the
 * town officer of its town approves or rejects them (G-2).
 */
@RestController
@RequestMapping("/api/v1/establishments")
class UpdateProposalController {

    private final EnterpriseUpdates updates;
    private final Scopes scopes;

    UpdateProposalController(EnterpriseUpdates updates, Scopes scopes) {
        this.updates = updates;
        this.scopes = scopes;
    }

    /** 201 the pending proposal. */
    @PostMapping("/{id}/update-proposals")
    @PreAuthorize("hasRole('ENTERPRISE_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProposalView> propose(@PathVariable String id, @Valid @RequestBody ProposalRequest request) {
        UpdateProposal p = updates.propose(id, request.employeeCount(), request.workshops(), request.posts(),
                request.note() == null ? null : request.note().trim(), scopes.current());
        return ResponseEntity.created(java.net.URI.create("/api/v1/establishments/update-proposals/" + p.id()))
                .body(ProposalView.of(p));
    }

    /** The proposals the caller sees: a town officer their town's (the review list: {@code status=PENDING}). */
    @GetMapping("/update-proposals")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','ENTERPRISE_OFFICER')")
    PageResponse<ProposalView> list(@RequestParam(required = false) String townId,
                                    @RequestParam(required = false) Status status,
                                    @RequestParam(required = false) String establishmentId,
                                    @SortableBy(value = {"proposedAt", "id"}, byDefault = "proposedAt,asc")
                                    PageQuery page) {
        return PageResponse.of(updates.list(townId, status == null ? null : status.name(), establishmentId,
                scopes.current(), page), ProposalView::of);
    }

    @GetMapping("/update-proposals/{id}")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','ENTERPRISE_OFFICER')")
    ProposalView get(@PathVariable String id) {
        return ProposalView.of(updates.get(id, scopes.current()));
    }

    /** The proposed values are applied to the establishment (its changed event follows). */
    @PostMapping("/update-proposals/{id}/approve")
    @PreAuthorize("hasRole('TOWN_OFFICER')")
    ProposalView approve(@PathVariable String id, @Valid @RequestBody(required = false) ReviewRequest request) {
        String reason = request == null ? null : Text.strippedOrNull(request.reason());
        return ProposalView.of(updates.review(id, true, reason, scopes.current()));
    }

    /** A rejection gives its reason. */
    @PostMapping("/update-proposals/{id}/reject")
    @PreAuthorize("hasRole('TOWN_OFFICER')")
    ProposalView reject(@PathVariable String id, @Valid @RequestBody ReviewRequest request) {
        return ProposalView.of(updates.review(id, false, Text.strippedOrNull(request.reason()), scopes.current()));
    }


    enum Status { PENDING, APPROVED, REJECTED }

    /**
     * @param employeeCount the new employee count (null: unchanged)
     * @param workshops     the new number of workshops/shifts (null: unchanged)
     * @param posts         the whole new list of posts (岗位/班组; null: unchanged), within the limits of a
     *                      registration and changing at most {@code liuhua.grid.enterprise-updates.post-change} of them
     * @param note          why (新增车间, 减员, …)
     */
    record ProposalRequest(@Min(0) @Max(EstablishmentDraft.MAX_EMPLOYEES) Integer employeeCount,
                           @Min(0) @Max(EstablishmentDraft.MAX_WORKSHOPS) Integer workshops,
                           @Size(max = Post.MAX_POSTS) List<Post> posts,
                           @Size(max = 500) String note) {
    }

    record ReviewRequest(@Size(max = 500) String reason) {
    }

    record ProposalView(String id, String establishmentId, String establishmentName, String townId,
                        int currentEmployees, Integer employeeCount, int currentWorkshops, Integer workshops,
                        List<Post> currentPosts, List<Post> posts, String note, String status, String proposedBy,
                        Instant proposedAt, String reviewedBy, Instant reviewedAt, String reason) {
        static ProposalView of(UpdateProposal p) {
            return new ProposalView(p.id(), p.establishmentId(), p.establishmentName(), p.townId(),
                    p.currentEmployees(), p.employeeCount(), p.currentWorkshops(), p.workshops(), p.currentPosts(),
                    p.posts(), p.note(), p.status(), p.proposedBy(), p.proposedAt(), p.reviewedBy(), p.reviewedAt(),
                    p.reason());
        }
    }
}
