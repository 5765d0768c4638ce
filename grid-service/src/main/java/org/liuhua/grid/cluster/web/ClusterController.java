package org.liuhua.grid.cluster.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liuhua.grid.GridRules;
import org.liuhua.grid.cluster.Assessment;
import org.liuhua.grid.cluster.Cluster;
import org.liuhua.grid.cluster.Clusters;
import org.liuhua.grid.scope.Scopes;
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
    private final GridRules rules;

    ClusterController(Clusters clusters, Scopes scopes, GridRules rules) {
        this.clusters = clusters;
        this.scopes = scopes;
        this.rules = rules;
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
                request.assessedAt(), scopes.current()));
    }

    @GetMapping("/summary")
    Clusters.Summary summary(@RequestParam(required = false) String townId) {
        return clusters.summary(townId, scopes.current());
    }

    @GetMapping
    List<ClusterView> list(@RequestParam(required = false) String townId) {
        return clusters.list(townId, scopes.current()).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    ClusterView get(@PathVariable String id) {
        return view(clusters.get(id, scopes.current()));
    }

    private ClusterView view(Cluster c) {
        List<MemberView> members = c.memberIds().stream().map(m -> new MemberView(m, c.current(m))).toList();
        int passing = c.passingMembers();
        return new ClusterView(c.id(), c.name(), c.townId(), c.memberIds().size(), passing,
                c.memberIds().isEmpty() ? 0.0 : Math.round(10000.0 * passing / c.memberIds().size()) / 10000.0,
                c.standardised(rules.clusterThresholdPercent()), members);
    }

    record ClusterRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
                          @NotBlank @Size(max = 100) String name, @NotBlank String townId,
                          @NotNull @Size(max = 2000) List<@NotBlank String> memberIds) {
    }

    record AssessmentRequest(@NotBlank String establishmentId, @NotNull Boolean passed, List<String> failedItems,
                             Instant assessedAt) {
    }

    record MemberView(String establishmentId, Assessment currentAssessment) {
    }

    record ClusterView(String id, String name, String townId, int members, int passingMembers, double passRate,
                       boolean standardised, List<MemberView> memberAssessments) {
    }
}
