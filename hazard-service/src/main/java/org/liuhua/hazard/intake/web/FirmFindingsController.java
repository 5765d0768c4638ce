package org.liuhua.hazard.intake.web;

import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.access.CityWideOrFirm;
import org.liuhua.hazard.access.CityWideTownOrFirm;
import org.liuhua.hazard.firm.domain.Contract;
import org.liuhua.hazard.intake.ContractReport;
import org.liuhua.hazard.intake.FirmFindings;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A firm follows its findings (H-7): each hazard holding one, also when the finding joined another source's hazard,
 * with that hazard's current state. The firm itself and city-wide readers; another firm's → 404.
 */
@RestController
class FirmFindingsController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FirmFindings findings;
    private final ContractReport reports;
    private final AccessPolicy policy;

    FirmFindingsController(FirmFindings findings, ContractReport reports, AccessPolicy policy) {
        this.findings = findings;
        this.reports = reports;
        this.policy = policy;
    }

    /**
     * The contract's report as XLSX (sheets 汇总 and 明细): findings, accepted, closed, the firm's quality record. The
     * firm reads its own contracts' reports, city-wide readers every one, a town officer their town's part.
     */
    @GetMapping("/api/v1/contracts/{contractId}/report.xlsx")
    @CityWideTownOrFirm
    ResponseEntity<byte[]> report(@PathVariable String contractId) {
        Contract contract = reports.contract(contractId);
        String townId = policy.contractReportTown(Caller.current(), contract.firmId(), contractId);
        byte[] workbook = reports.workbook(reports.summary(contract, townId));
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"contract-" + contractId + ".xlsx\"").body(workbook);
    }

    @GetMapping("/api/v1/firms/{firmId}/findings")
    @CityWideOrFirm
    PageResponse<FirmFindings.Item> list(@PathVariable String firmId,
                                         @RequestParam(required = false) HazardState state,
                                         @SortableBy(value = {"reportedAt", "state"}, byDefault = "reportedAt,desc")
                                         PageQuery page) {
        policy.checkFirmObject(Caller.current(), firmId, "firm", firmId);
        return PageResponse.of(findings.list(firmId, state, page));
    }

    @GetMapping("/api/v1/firms/{firmId}/findings/{externalId}")
    @CityWideOrFirm
    FirmFindings.Item get(@PathVariable String firmId, @PathVariable String externalId) {
        policy.checkFirmObject(Caller.current(), firmId, "firm", firmId);
        return findings.get(firmId, externalId);
    }
}
