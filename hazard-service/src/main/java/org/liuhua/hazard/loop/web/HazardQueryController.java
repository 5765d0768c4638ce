package org.liuhua.hazard.loop.web;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.constraints.NotBlank;
import org.liuhua.hazard.loop.HazardFilter;
import org.liuhua.hazard.loop.HazardQueries;
import org.liuhua.hazard.loop.HazardSummary;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's reads, all within the caller's data scope (out of scope → 404): lists answer the kit's page of
 * {@link HazardSummary summaries}, the detail the whole hazard with its history.
 */
@RestController
@RequestMapping("/api/v1/hazards")
@Validated
class HazardQueryController {

    private final HazardQueries hazards;

    HazardQueryController(HazardQueries hazards) {
        this.hazards = hazards;
    }

    @GetMapping
    PageResponse<HazardSummary> list(@RequestParam(required = false) String establishmentId,
                                     @RequestParam(required = false) String townId,
                                     @RequestParam(required = false) String departmentId,
                                     @RequestParam(required = false) String category,
                                     @RequestParam(required = false) HazardState state,
                                     @RequestParam(required = false) HazardSource source,
                                     @RequestParam(required = false) Severity severity,
                                     @RequestParam(required = false) Boolean overdue,
                                     @RequestParam(required = false) Instant from,
                                     @RequestParam(required = false) Instant to,
                                     @SortableBy(value = {"reportedAt", "deadline", "severity", "state", "townId",
                                             "establishmentId", "source", "category", "closedAt"},
                                             byDefault = "reportedAt,desc") PageQuery page) {
        HazardFilter filter = new HazardFilter(establishmentId, townId, departmentId, category, state, source,
                severity, overdue, from, to);
        return PageResponse.of(hazards.list(filter, page, Caller.current()));
    }

    /** One page for all sources (一页通览): every hazard of one establishment with counts by source and state. */
    @GetMapping("/ledger")
    LedgerView ledger(@RequestParam @NotBlank String establishmentId,
                      @SortableBy(value = {"reportedAt", "deadline", "state", "source", "category"},
                              byDefault = "reportedAt,desc") PageQuery page) {
        HazardQueries.Ledger ledger = hazards.ledger(establishmentId, page, Caller.current());
        return new LedgerView(PageResponse.of(ledger.hazards()), ledger.establishmentId(), ledger.openMajor(),
                ledger.bySource(), ledger.byState(), ledger.corroborationsBySource());
    }

    /** The ledger's page of hazards and, beside it, the counts over all of them. */
    record LedgerView(@JsonUnwrapped PageResponse<HazardSummary> page, String establishmentId, long openMajor,
                      Map<String, Long> bySource, Map<String, Long> byState,
                      Map<String, Long> corroborationsBySource) {
    }

    /** The register of open major hazards (动态清零: its target is zero), by town, within the caller's scope. */
    @GetMapping("/major-register")
    MajorRegisterView majorRegister(@RequestParam(required = false) String townId,
                                    @SortableBy(value = {"reportedAt", "deadline", "townId"},
                                            byDefault = "reportedAt,asc") PageQuery page) {
        HazardQueries.MajorRegister register = hazards.majorRegister(townId, page, Caller.current());
        return new MajorRegisterView(PageResponse.of(register.hazards()), register.open(), register.overdue(),
                register.byTown());
    }

    /** The register's page of hazards and, beside it, the counts over all open major hazards in scope. */
    record MajorRegisterView(@JsonUnwrapped PageResponse<HazardSummary> page, long open, long overdue,
                             Map<String, Long> byTown) {
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
}
