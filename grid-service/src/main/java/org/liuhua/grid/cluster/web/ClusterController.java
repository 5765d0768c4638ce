package org.liuhua.grid.cluster.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liuhua.grid.cluster.Clusters;
import org.liuhua.grid.cluster.domain.Assessment;
import org.liuhua.grid.cluster.domain.Cluster;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Industrial clusters "双七十" (G-8). */
@RestController
@RequestMapping("/api/v1/clusters")
class ClusterController {

    private final Clusters clusters;
    private final Scopes scopes;

    ClusterController(Clusters clusters, Scopes scopes) {
        this.clusters = clusters;
        this.scopes = scopes;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
    ResponseEntity<ClusterView> create(@Valid @RequestBody ClusterRequest request) {
        return clusters.create(request.id(), request.name(), request.townId(), request.memberIds(), scopes.current())
                .toResponse("/api/v1/clusters/" + request.id(), this::view);
    }

    /** Adds a member enterprise; it must lie in the cluster's town (else 400 {@code establishmentId}). */
    @PostMapping("/{id}/members")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
    ClusterView addMember(@PathVariable String id, @Valid @RequestBody MemberRequest request) {
        return view(clusters.addMember(id, request.establishmentId(), scopes.current()).value());
    }

    /** Removes a member (its assessments are kept in the history and no longer counted); not a member: 404. */
    @DeleteMapping("/{id}/members/{establishmentId}")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
    ClusterView removeMember(@PathVariable String id, @PathVariable String establishmentId) {
        return view(clusters.removeMember(id, establishmentId, scopes.current()));
    }

    /**
     * Records an assessment of a member against the standardisation checklist; it is listed under
     * {@code pendingAssessments} and counts once the town safety office signs it off.
     */
    @PostMapping("/{id}/assessments")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','INSPECTOR')")
    ClusterView assess(@PathVariable String id, @Valid @RequestBody AssessmentRequest request) {
        return view(clusters.assess(id, request.id(), request.establishmentId(), request.passed(),
                request.failedItems(), request.checklistItemCodes(), request.assessedAt(), scopes.current()));
    }

    /**
     * The town safety office (a town officer of the cluster's town) signs an assessment off: signer and time from the
     * token and the clock; the assessor cannot sign their own (409 {@code SELF_SIGN_OFF}); signed again: unchanged.
     */
    @PostMapping("/{id}/assessments/{assessmentId}/sign-off")
    @PreAuthorize("hasRole('TOWN_OFFICER')")
    ClusterView signOff(@PathVariable String id, @PathVariable String assessmentId) {
        return view(clusters.signOff(id, assessmentId, scopes.current()));
    }

    @GetMapping("/summary")
    Clusters.Summary summary(@RequestParam(required = false) String townId) {
        return clusters.summary(townId, scopes.current());
    }

    @GetMapping
    PageResponse<ClusterView> list(@RequestParam(required = false) String townId,
                                   @SortableBy(value = {"id", "name"}, byDefault = "id,asc") PageQuery page) {
        return PageResponse.of(clusters.list(townId, scopes.current(), page), this::view);
    }

    @GetMapping("/{id}")
    ClusterView get(@PathVariable String id) {
        return view(clusters.get(id, scopes.current()));
    }

    private ClusterView view(Cluster c) {
        List<MemberView> members = c.memberIds().stream().map(m -> new MemberView(m, c.current(m))).toList();
        return new ClusterView(c.id(), c.name(), c.townId(), c.memberIds().size(), c.passingMembers(), c.passRate(),
                clusters.standardised(c), members, c.pending());
    }

    record ClusterRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
                          @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 64) String townId,
                          @NotNull @Size(max = 2000) List<@NotBlank @Size(max = 64) String> memberIds) {
    }

    /** At most 200 failed items of at most 200 characters each; {@code assessedAt} not in the future. */
    record MemberRequest(@NotBlank @Size(max = 64) String establishmentId) {
    }

    /** {@code id}: the caller's id of the assessment (generated when absent), used to sign it off. */
    record AssessmentRequest(@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
                             @NotBlank @Size(max = 64) String establishmentId, @NotNull Boolean passed,
                             @Size(max = 200) List<@NotBlank @Size(max = 200) String> failedItems,
                             Instant assessedAt,
                             @Size(max = 200) List<@NotBlank @Size(max = 64) String> checklistItemCodes) {
    }

    /** {@code currentAssessment}: the member's latest signed-off assessment, or null. */
    record MemberView(String establishmentId, Assessment currentAssessment) {
    }

    record ClusterView(String id, String name, String townId, int members, int passingMembers, double passRate,
                       boolean standardised, List<MemberView> memberAssessments,
                       List<Assessment> pendingAssessments) {
    }
}
