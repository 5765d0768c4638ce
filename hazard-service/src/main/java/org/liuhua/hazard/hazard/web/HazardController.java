package org.liuhua.hazard.hazard.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.hazard.EnforcementKind;
import org.liuhua.hazard.hazard.Hazard;
import org.liuhua.hazard.hazard.HazardFilter;
import org.liuhua.hazard.hazard.HazardSource;
import org.liuhua.hazard.hazard.HazardState;
import org.liuhua.hazard.hazard.Hazards;
import org.liuhua.hazard.hazard.Outcome;
import org.liuhua.hazard.hazard.Rectification;
import org.liuhua.hazard.hazard.ReportHazard;
import org.liuhua.hazard.hazard.Severity;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.web.PageResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The loop's commands and queries; everything within the caller's data scope (out of scope → 404). */
@RestController
@RequestMapping("/api/v1/hazards")
@Validated
class HazardController {

    static final String REPORTERS = "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','INSPECTOR','ENTERPRISE_OFFICER')";
    static final String OFFICERS = "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER')";
    static final Set<String> SORTABLE = Set.of("reportedAt", "deadline", "severity", "state", "townId",
            "establishmentId", "source", "category", "closedAt");

    private final Hazards hazards;

    HazardController(Hazards hazards) {
        this.hazards = hazards;
    }

    @PostMapping
    @PreAuthorize(REPORTERS)
    ResponseEntity<HazardView> report(@Valid @RequestBody ReportRequest request) {
        Outcome outcome = hazards.report(request.toCommand(), Caller.current());
        HazardView view = HazardView.of(outcome.hazard(), outcome.kind().name());
        if (outcome.kind() == Outcome.Kind.CREATED) {
            return ResponseEntity.created(URI.create("/api/v1/hazards/" + outcome.hazardId())).body(view);
        }
        return ResponseEntity.ok().location(URI.create("/api/v1/hazards/" + outcome.hazardId())).body(view);
    }

    @GetMapping
    PageResponse<HazardView> list(@RequestParam(required = false) String establishmentId,
                                  @RequestParam(required = false) String townId,
                                  @RequestParam(required = false) String departmentId,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) HazardState state,
                                  @RequestParam(required = false) HazardSource source,
                                  @RequestParam(required = false) Severity severity,
                                  @RequestParam(required = false) Boolean overdue,
                                  @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                  @RequestParam(defaultValue = "reportedAt,desc") String sort) {
        HazardFilter filter = new HazardFilter(establishmentId, townId, departmentId, category, state, source,
                severity, overdue, from, to);
        return PageResponse.of(hazards.list(filter, pageable(page, size, sort), Caller.current()), HazardView::of);
    }

    static Pageable pageable(int page, int size, String sort) {
        String[] parts = sort.split(",");
        if (!SORTABLE.contains(parts[0])) {
            throw new InvalidInputException("sort", "sort by one of " + new java.util.TreeSet<>(SORTABLE));
        }
        Sort.Direction direction = parts.length > 1 && parts[1].equalsIgnoreCase("asc") ? Sort.Direction.ASC
                : Sort.Direction.DESC;
        return PageRequest.of(page, size, Sort.by(direction, parts[0]).and(Sort.by("_id")));
    }

    /** One page for all sources (一页通览): every hazard of one establishment with counts by source and state. */
    @GetMapping("/ledger")
    Ledger ledger(@RequestParam @NotBlank String establishmentId) {
        List<Hazard> all = hazards.ledger(establishmentId, Caller.current());
        Map<String, Long> bySource = new TreeMap<>();
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> corroborationsBySource = new TreeMap<>();
        for (Hazard h : all) {
            bySource.merge(h.source().name(), 1L, Long::sum);
            byState.merge(h.state().name(), 1L, Long::sum);
            h.corroborations().forEach(c -> corroborationsBySource.merge(c.source().name(), 1L, Long::sum));
        }
        long openMajor = all.stream().filter(h -> h.severity() == Severity.MAJOR && h.state() != HazardState.CLOSED)
                .count();
        return new Ledger(establishmentId, all.size(), openMajor, bySource, byState, corroborationsBySource,
                all.stream().map(HazardView::of).toList());
    }

    record Ledger(String establishmentId, long total, long openMajor, Map<String, Long> bySource,
                  Map<String, Long> byState, Map<String, Long> corroborationsBySource, List<HazardView> hazards) {
    }

    /** The register of open major hazards (动态清零: its target is zero), by town, within the caller's scope. */
    @GetMapping("/major-register")
    MajorRegister majorRegister(@RequestParam(required = false) String townId) {
        List<Hazard> open = hazards.openMajor(townId, Caller.current());
        Map<String, Long> byTown = new TreeMap<>();
        open.forEach(h -> byTown.merge(h.townId(), 1L, Long::sum));
        long overdue = open.stream().filter(Hazard::overdue).count();
        return new MajorRegister(open.size(), overdue, byTown, open.stream().map(HazardView::of).toList());
    }

    record MajorRegister(long open, long overdue, Map<String, Long> byTown, List<HazardView> hazards) {
    }

    @GetMapping("/{id}")
    HazardView get(@PathVariable String id) {
        return HazardView.of(hazards.get(id, Caller.current()));
    }

    /** Recomputes the hash chain of the stored history (H-6). */
    @GetMapping("/{id}/verify")
    Verification verify(@PathVariable String id) {
        Hazard h = hazards.get(id, Caller.current());
        int broken = h.firstBrokenEntry();
        return new Verification(id, broken < 0, h.history().size(), broken < 0 ? null : broken);
    }

    record Verification(String hazardId, boolean intact, int entries, Integer firstBrokenEntry) {
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
    HazardView transfer(@PathVariable String id, @Valid @RequestBody TransferRequest r) {
        return HazardView.of(hazards.transfer(id, Boolean.TRUE.equals(r.toEstablishment()), r.departmentId(),
                r.note(), Caller.current()));
    }

    record TransferRequest(Boolean toEstablishment, @Size(max = 64) String departmentId, @Size(max = 2000) String note) {
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','ENTERPRISE_OFFICER')")
    HazardView acknowledge(@PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        return HazardView.of(hazards.acknowledge(id, r == null ? null : r.note(), Caller.current()));
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    @PostMapping("/{id}/rectify")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','ENTERPRISE_OFFICER')")
    HazardView rectify(@PathVariable String id, @Valid @RequestBody RectifyRequest r) {
        return HazardView.of(hazards.rectify(id, new Rectification(r.measures(), r.responsiblePerson(), r.fundsCny(),
                r.deadline(), r.contingencyPlan()), r.note(), r.evidenceIds(), Caller.current()));
    }

    /** The five parts (五到位); missing ones are named in the 400 answer. */
    record RectifyRequest(@Size(max = 4000) String measures, @Size(max = 128) String responsiblePerson,
                          BigDecimal fundsCny, LocalDate deadline, @Size(max = 4000) String contingencyPlan,
                          @Size(max = 2000) String note, @Size(max = 50) List<String> evidenceIds) {
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','INSPECTOR')")
    HazardView review(@PathVariable String id, @Valid @RequestBody ReviewRequest r) {
        return HazardView.of(hazards.review(id, r.passed(), r.note(), r.evidenceIds(), Caller.current()));
    }

    record ReviewRequest(@NotNull Boolean passed, @Size(max = 2000) String note,
                         @Size(max = 50) List<String> evidenceIds) {
    }

    @PostMapping("/{id}/enforce")
    @PreAuthorize(OFFICERS)
    HazardView enforce(@PathVariable String id, @Valid @RequestBody EnforceRequest r) {
        return HazardView.of(hazards.enforce(id, r.kind(), r.caseNumber(), r.penaltyAmountCny(), r.note(),
                Caller.current()));
    }

    record EnforceRequest(@NotNull EnforcementKind kind, @Size(max = 64) String caseNumber,
                          BigDecimal penaltyAmountCny, @Size(max = 2000) String note) {
    }

    @PostMapping("/{id}/supervision-order")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
    HazardView supervisionOrder(@PathVariable String id, @Valid @RequestBody SupervisionRequest r) {
        return HazardView.of(hazards.orderSupervision(id, r.orderNumber(), r.note(), Caller.current()));
    }

    record SupervisionRequest(@NotBlank @Size(max = 64) String orderNumber, @Size(max = 2000) String note) {
    }

    @PostMapping("/{id}/sign-off")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')")
    HazardView signOff(@PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        return HazardView.of(hazards.signOff(id, r == null ? null : r.note(), Caller.current()));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(OFFICERS)
    HazardView close(@PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        return HazardView.of(hazards.close(id, r == null ? null : r.note(), Caller.current()));
    }

    record ReportRequest(
            @NotBlank @Size(max = 64) String establishmentId,
            @NotBlank @Size(max = 64) String townId,
            @NotBlank @Size(max = 64) String category,
            Severity severity,
            @NotNull HazardSource source,
            @Size(max = 128) String sourceRef,
            @NotBlank @Size(max = 2000) String description,
            LocalDate deadline) {

        ReportHazard toCommand() {
            return new ReportHazard(establishmentId, townId, category, severity, source, sourceRef, description,
                    deadline);
        }
    }
}
