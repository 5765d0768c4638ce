package org.liuhua.hazard.publicreport.web;

import java.net.URI;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.access.CityOrTownOfficer;
import org.liuhua.hazard.access.CityWideOrTownOfficer;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.hazard.publicreport.PublicReport;
import org.liuhua.hazard.publicreport.PublicReports;
import org.liuhua.hazard.publicreport.Reward;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/public/reports}: open without a token (the reporter follows the state by code, nothing personal is
 * shown). {@code /api/v1/public-reports} and {@code /api/v1/rewards}: officers verify or reject, and see rewards.
 */
@RestController
@Validated
class PublicReportController {

    private final PublicReports reports;

    PublicReportController(PublicReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/public/reports")
    ResponseEntity<Tracking> submit(@Valid @RequestBody SubmitRequest r, HttpServletRequest request) {
        PublicReport report = reports.submit(clientAddress(request), r.townId(), r.establishmentId(), r.address(),
                r.category(), r.description(), r.contact());
        return ResponseEntity.created(URI.create("/api/v1/public/reports/" + report.code()))
                .body(Tracking.of(report));
    }

    /** Behind the gateway the peer is the gateway: the first X-Forwarded-For hop is the reporter's address. */
    static String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return request.getRemoteAddr();
    }

    record SubmitRequest(@NotBlank @Size(max = 64) String townId, @Size(max = 64) String establishmentId,
                         @Size(max = 300) String address, @Size(max = 64) String category,
                         @NotBlank @Size(max = 2000) String description, @Size(max = 100) String contact) {
    }

    @GetMapping("/api/v1/public/reports/{code}")
    Tracking track(@PathVariable @Size(max = 20) String code) {
        return Tracking.of(reports.track(code));
    }

    /** What the public sees: no contact details, no officer names. */
    record Tracking(String code, String state, Instant receivedAt, String answer, Instant decidedAt) {
        static Tracking of(PublicReport r) {
            return new Tracking(r.code(), r.state(), r.receivedAt(), r.answer(), r.decidedAt());
        }
    }

    @GetMapping("/api/v1/public-reports")
    @CityWideOrTownOfficer
    PageResponse<PublicReport> list(@RequestParam(required = false) String state,
                                    @SortableBy(value = {"receivedAt"}, byDefault = "receivedAt,desc") PageQuery page) {
        return PageResponse.of(reports.list(state, Caller.current(), page));
    }

    @GetMapping("/api/v1/public-reports/{code}")
    @CityWideOrTownOfficer
    PublicReport get(@PathVariable String code) {
        return reports.get(code, Caller.current());
    }

    @PostMapping("/api/v1/public-reports/{code}/verify")
    @CityOrTownOfficer
    PublicReport verify(@PathVariable String code, @Valid @RequestBody VerifyRequest r) {
        return reports.verify(code, r.establishmentId(), r.category(), r.severity(), r.description(),
                Caller.current());
    }

    record VerifyRequest(@NotBlank @Size(max = 64) String establishmentId, @NotBlank @Size(max = 64) String category,
                         Severity severity, @Size(max = 2000) String description) {
    }

    @PostMapping("/api/v1/public-reports/{code}/reject")
    @CityOrTownOfficer
    PublicReport reject(@PathVariable String code, @Valid @RequestBody RejectRequest r) {
        return reports.reject(code, r.reason(), Caller.current());
    }

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @GetMapping("/api/v1/rewards")
    @CityWideOrTownOfficer
    PageResponse<Reward> rewards(@SortableBy(value = {"createdAt"}, byDefault = "createdAt,desc") PageQuery page) {
        return PageResponse.of(reports.rewards(Caller.current(), page));
    }
}
