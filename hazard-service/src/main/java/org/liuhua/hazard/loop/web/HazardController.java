package org.liuhua.hazard.loop.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.access.CityOrDepartmentOfficer;
import org.liuhua.hazard.access.CityOrTownOfficer;
import org.liuhua.hazard.access.Officer;
import org.liuhua.hazard.access.OfficerOrEnterprise;
import org.liuhua.hazard.access.OfficerOrInspector;
import org.liuhua.hazard.loop.LoopCommands;
import org.liuhua.hazard.loop.domain.EnforcementKind;
import org.liuhua.hazard.loop.domain.Rectification;
import org.liuhua.kit.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The loop's commands (移交、报到、整改、复核、查处、督办、销号); each answers the hazard after the command. */
@RestController
@RequestMapping("/api/v1/hazards/{id}")
class HazardController {

    private final LoopCommands loop;

    HazardController(LoopCommands loop) {
        this.loop = loop;
    }

    @PostMapping("/transfer")
    @CityOrTownOfficer
    HazardView transfer(@PathVariable String id, @Valid @RequestBody TransferRequest r) {
        return HazardView.of(loop.transfer(id, Boolean.TRUE.equals(r.toEstablishment()), r.departmentId(),
                r.note(), Caller.current()));
    }

    record TransferRequest(Boolean toEstablishment, @Size(max = 64) String departmentId, @Size(max = 2000) String note) {
    }

    /** The department transferred to does not take the hazard on: back to the town, with the reason. */
    @PostMapping("/refuse-transfer")
    @CityOrDepartmentOfficer
    HazardView refuseTransfer(@PathVariable String id, @Valid @RequestBody ReasonRequest r) {
        return HazardView.of(loop.refuseTransfer(id, r.reason(), Caller.current()));
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** The department transferred to passes the hazard on to the department that supervises it. */
    @PostMapping("/reroute-transfer")
    @CityOrDepartmentOfficer
    HazardView rerouteTransfer(@PathVariable String id, @Valid @RequestBody RerouteRequest r) {
        return HazardView.of(loop.rerouteTransfer(id, r.departmentId(), r.reason(), Caller.current()));
    }

    record RerouteRequest(@NotBlank @Size(max = 64) String departmentId, @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/acknowledge")
    @OfficerOrEnterprise
    HazardView acknowledge(@PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        return HazardView.of(loop.acknowledge(id, r == null ? null : r.note(), Caller.current()));
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    @PostMapping("/rectify")
    @OfficerOrEnterprise
    HazardView rectify(@PathVariable String id, @Valid @RequestBody RectifyRequest r) {
        return HazardView.of(loop.rectify(id, new Rectification(r.measures(), r.responsiblePerson(), r.fundsCny(),
                r.deadline(), r.contingencyPlan()), r.note(), r.evidenceIds(), Caller.current()));
    }

    /** The five parts (五到位); missing ones are named in the 400 answer. */
    record RectifyRequest(@Size(max = 2000) String measures, @Size(max = 100) String responsiblePerson,
                          @DecimalMin("0") @DecimalMax("1000000000") BigDecimal fundsCny, LocalDate deadline,
                          @Size(max = 2000) String contingencyPlan, @Size(max = 2000) String note,
                          @Size(max = 50) List<@NotBlank @Size(max = 64) String> evidenceIds) {
    }

    @PostMapping("/review")
    @OfficerOrInspector
    HazardView review(@PathVariable String id, @Valid @RequestBody ReviewRequest r) {
        return HazardView.of(loop.review(id, r.passed(), r.note(), r.evidenceIds(), Caller.current()));
    }

    record ReviewRequest(@NotNull Boolean passed, @Size(max = 2000) String note,
                         @Size(max = 50) List<@NotBlank @Size(max = 64) String> evidenceIds) {
    }

    @PostMapping("/enforce")
    @Officer
    HazardView enforce(@PathVariable String id, @Valid @RequestBody EnforceRequest r) {
        return HazardView.of(loop.enforce(id, r.kind(), r.caseNumber(), r.penaltyAmountCny(), r.note(),
                Caller.current()));
    }

    record EnforceRequest(@NotNull EnforcementKind kind, @Size(max = 64) String caseNumber,
                          @DecimalMax("100000000") BigDecimal penaltyAmountCny, @Size(max = 2000) String note) {
    }

    /** 定为重大事故隐患: a general hazard found to be major joins the major register, with the reason. */
    @PostMapping("/raise-severity")
    @Officer
    HazardView raiseSeverity(@PathVariable String id, @Valid @RequestBody RaiseSeverityRequest r) {
        return HazardView.of(loop.raiseSeverity(id, r.reason(), Caller.current()));
    }

    record RaiseSeverityRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/supervision-order")
    @CityOrTownOfficer
    HazardView supervisionOrder(@PathVariable String id, @Valid @RequestBody SupervisionRequest r) {
        return HazardView.of(loop.orderSupervision(id, r.orderNumber(), r.note(), Caller.current()));
    }

    record SupervisionRequest(@NotBlank @Size(max = 64) String orderNumber, @Size(max = 2000) String note) {
    }

    @PostMapping("/sign-off")
    @CityOrDepartmentOfficer
    HazardView signOff(@PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        return HazardView.of(loop.signOff(id, r == null ? null : r.note(), Caller.current()));
    }

    @PostMapping("/close")
    @Officer
    HazardView close(@PathVariable String id, @Valid @RequestBody(required = false) NoteRequest r) {
        return HazardView.of(loop.close(id, r == null ? null : r.note(), Caller.current()));
    }
}
