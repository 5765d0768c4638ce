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

    @PostMapping("/{id}/assessments")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','INSPECTOR')")
    ClusterView assess(@PathVariable String id, @Valid @RequestBody AssessmentRequest request) {
        return view(clusters.assess(id, request.establishmentId(), request.passed(), request.failedItems(),
                request.checklistItemCodes(), request.assessedAt(), scopes.current()));
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
                clusters.standardised(c), members);
    }

    record ClusterRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
                          @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 64) String townId,
                          @NotNull @Size(max = 2000) List<@NotBlank @Size(max = 64) String> memberIds) {
    }

    /** At most 200 failed items of at most 200 characters each; {@code assessedAt} not in the future. */
    record AssessmentRequest(@NotBlank @Size(max = 64) String establishmentId, @NotNull Boolean passed,
                             @Size(max = 200) List<@NotBlank @Size(max = 200) String> failedItems,
                             Instant assessedAt,
                             @Size(max = 200) List<@NotBlank @Size(max = 64) String> checklistItemCodes) {
    }

    record MemberView(String establishmentId, Assessment currentAssessment) {
    }

    record ClusterView(String id, String name, String townId, int members, int passingMembers, double passRate,
                       boolean standardised, List<MemberView> memberAssessments) {
    }
}
