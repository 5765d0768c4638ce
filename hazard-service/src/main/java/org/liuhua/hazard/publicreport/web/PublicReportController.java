package org.liuhua.hazard.publicreport.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.access.CityAdminOnly;
import org.liuhua.hazard.access.CityOrTownOfficer;
import org.liuhua.hazard.access.CityWideOrTownOfficer;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.hazard.publicreport.PublicReport;
import org.liuhua.hazard.publicreport.PublicReports;
import org.liuhua.hazard.publicreport.domain.Reward;
import org.liuhua.kit.web.DateBound;
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
 * shown). {@code /api/v1/public-reports} and {@code /api/v1/rewards}: officers verify or reject, and take rewards
 * through their steps (propose, approve, pay).
 */
@RestController
@Validated
class PublicReportController {

    private final PublicReports reports;
    private final AccessPolicy policy;

    PublicReportController(PublicReports reports, AccessPolicy policy) {
        this.reports = reports;
        this.policy = policy;
    }

    @PostMapping("/api/v1/public/reports")
    ResponseEntity<Tracking> submit(@Valid @RequestBody SubmitRequest r, HttpServletRequest request) {
        PublicReport report = reports.submit(clientAddress(request), r.townId(), r.establishmentId(), r.address(),
                r.category(), r.description(), r.contact(), r.channel());
        return ResponseEntity.created(URI.create("/api/v1/public/reports/" + report.code()))
                .body(Tracking.of(new PublicReports.Progress(report, null, List.of(), null)));
    }

    /**
     * The reporter's address: the server resolves the forwarded headers against its trusted proxies
     * ({@code server.forward-headers-strategy=native}), so the remote address is the one the gateway appended; a
     * header the client wrote itself is never read here.
     */
    static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    record SubmitRequest(@NotBlank @Size(max = 64) String townId, @Size(max = 64) String establishmentId,
                         @Size(max = 200) String address, @Size(max = 64) String category,
                         @NotBlank @Size(max = 2000) String description, @Size(max = 100) String contact,
                         PublicReport.Channel channel) {
    }

    @GetMapping("/api/v1/public/reports/{code}")
    Tracking track(@PathVariable @Size(max = 20) String code) {
        return Tracking.of(reports.progress(code));
    }

    /**
     * What the reporter sees with the tracking code, without an account: the report's state and answer, then the
     * states the hazard it became went through (transferred, rectifying, …, closed) with their times, and where its
     * reward stands. No contact details, no officer, no establishment's people.
     */
    record Tracking(String code, String channel, String state, Instant receivedAt, String answer, Instant decidedAt,
                    String hazardState, List<PublicReports.Step> hazardSteps, String rewardState,
                    BigDecimal rewardAmountCny, LocalDate rewardPaidOn) {
        static Tracking of(PublicReports.Progress p) {
            PublicReport r = p.report();
            Reward w = p.reward();
            return new Tracking(r.code(), r.channel() == null ? null : r.channel().name(), r.state(), r.receivedAt(),
                    r.answer(), r.decidedAt(), p.hazardState(), p.hazardSteps(), w == null ? null : w.state(),
                    w == null ? null : w.amountCny(), w == null ? null : w.paidOn());
        }
    }

    /**
     * A report as officers see it. The whistle-blower's {@code contact} only for those who verify it (the officer of
     * its town, the city admin); for everyone else (the cockpit) the member is absent. Who decided is named by role
     * only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReportView(String code, String townId, String establishmentId, String address, String category,
                      String description, String contact, String state, Instant receivedAt, String answer,
                      String hazardId, Instant decidedAt, String channel) {

        static ReportView of(PublicReport r, AccessPolicy policy, Caller caller) {
            return new ReportView(r.code(), r.townId(), r.establishmentId(), r.address(), r.category(),
                    r.description(), policy.seesReporter(caller, r.townId()) ? r.contact() : null, r.state(),
                    r.receivedAt(), r.answer(), r.hazardId(), r.decidedAt(),
                    r.channel() == null ? null : r.channel().name());
        }
    }

    @GetMapping("/api/v1/public-reports")
    @CityWideOrTownOfficer
    PageResponse<ReportView> list(@RequestParam(required = false) @Size(max = 16) String state,
                                  @SortableBy(value = {"receivedAt"}, byDefault = "receivedAt,desc") PageQuery page) {
        Caller caller = Caller.current();
        return PageResponse.of(reports.list(state, caller, page), r -> ReportView.of(r, policy, caller));
    }

    @GetMapping("/api/v1/public-reports/{code}")
    @CityWideOrTownOfficer
    ReportView get(@PathVariable @Size(max = 20) String code) {
        Caller caller = Caller.current();
        return ReportView.of(reports.get(code, caller), policy, caller);
    }

    @PostMapping("/api/v1/public-reports/{code}/verify")
    @CityOrTownOfficer
    ReportView verify(@PathVariable @Size(max = 20) String code, @Valid @RequestBody VerifyRequest r) {
        Caller caller = Caller.current();
        return ReportView.of(reports.verify(code, r.establishmentId(), r.category(), r.severity(), r.description(),
                caller), policy, caller);
    }

    record VerifyRequest(@NotBlank @Size(max = 64) String establishmentId, @NotBlank @Size(max = 64) String category,
                         Severity severity, @Size(max = 2000) String description) {
    }

    @PostMapping("/api/v1/public-reports/{code}/reject")
    @CityOrTownOfficer
    ReportView reject(@PathVariable @Size(max = 20) String code, @Valid @RequestBody RejectRequest r) {
        Caller caller = Caller.current();
        return ReportView.of(reports.reject(code, r.reason(), caller), policy, caller);
    }

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @GetMapping("/api/v1/rewards")
    @CityWideOrTownOfficer
    PageResponse<RewardView> rewards(@SortableBy(value = {"createdAt"}, byDefault = "createdAt,desc") PageQuery page) {
        return PageResponse.of(reports.rewards(Caller.current(), page), RewardView::of);
    }

    @GetMapping("/api/v1/rewards/{rewardId}")
    @CityWideOrTownOfficer
    RewardView reward(@PathVariable @Size(max = 64) String rewardId) {
        return RewardView.of(reports.reward(rewardId, Caller.current()));
    }

    /** Proposes the reward at the amount of the rule for the hazard's severity (the town officer of its town, city). */
    @PostMapping("/api/v1/rewards/{rewardId}/propose")
    @CityOrTownOfficer
    RewardView propose(@PathVariable @Size(max = 64) String rewardId) {
        return RewardView.of(reports.propose(rewardId, Caller.current()));
    }

    /** The city approves a proposed reward; not the officer who proposed it (403). */
    @PostMapping("/api/v1/rewards/{rewardId}/approve")
    @CityAdminOnly
    RewardView approve(@PathVariable @Size(max = 64) String rewardId) {
        return RewardView.of(reports.approve(rewardId, Caller.current()));
    }

    /** Records the payment of an approved reward (奖励兑现). */
    @PostMapping("/api/v1/rewards/{rewardId}/pay")
    @CityOrTownOfficer
    RewardView pay(@PathVariable @Size(max = 64) String rewardId, @Valid @RequestBody PayRequest r) {
        return RewardView.of(reports.pay(rewardId, r.paymentReference(), r.paidOn(), Caller.current()));
    }

    record PayRequest(@NotBlank @Size(max = 100) String paymentReference,
                      @NotNull @DateBound(DateBound.Side.PAST_OR_PRESENT) LocalDate paidOn) {
    }

    /**
     * A hazard's reward, the report that earned it and its steps; who proposed and approved it by role only (the
     * subjects are in the events and the audit log).
     */
    record RewardView(String rewardId, String reportCode, String hazardId, String townId, BigDecimal amountCny,
                      String state, Instant createdAt, String severity, String proposerRole, Instant proposedAt,
                      String approverRole, Instant approvedAt, String paymentReference, LocalDate paidOn,
                      List<String> allowedCommands) {

        static RewardView of(Reward r) {
            return new RewardView(r.id(), r.earnedBy(), r.hazardId(), r.townId(), r.amountCny(), r.state(),
                    r.createdAt(), r.severity(), r.proposerRole(), r.proposedAt(), r.approverRole(), r.approvedAt(),
                    r.paymentReference(), r.paidOn(), r.allowedCommands());
        }
    }
}
