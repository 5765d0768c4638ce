package org.liuhua.hazard.firm.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.access.CityAdminOnly;
import org.liuhua.hazard.access.CityWideOrFirm;
import org.liuhua.hazard.firm.FirmEstablishments;
import org.liuhua.hazard.firm.domain.Contract;
import org.liuhua.hazard.firm.Contracts;
import org.liuhua.hazard.firm.FirmQuality;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contracts of third-party firms (managed by the city) and each firm's quality record (a firm sees its own). */
@RestController
class FirmController {

    private final Contracts contracts;
    private final FirmQuality quality;
    private final FirmEstablishments establishments;
    private final AccessPolicy policy;

    FirmController(Contracts contracts, FirmQuality quality, FirmEstablishments establishments, AccessPolicy policy) {
        this.contracts = contracts;
        this.quality = quality;
        this.establishments = establishments;
        this.policy = policy;
    }

    @PostMapping("/api/v1/contracts")
    @CityAdminOnly
    ResponseEntity<ContractView> create(@Valid @RequestBody ContractRequest r) {
        Contract c = contracts.create(r.firmId(), r.establishmentIds(), r.townIds(), r.unitIds(), r.validFrom(),
                r.validTo(), Caller.current().subject());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + c.id())).body(ContractView.of(c));
    }

    /** A contract covers establishments by id and, optionally, whole towns and patrol units. */
    record ContractRequest(@NotBlank @Size(max = 64) String firmId,
                           @NotNull @Size(max = 2000) List<@NotBlank @Size(max = 64) String> establishmentIds,
                           @Size(max = 50) List<@NotBlank @Size(max = 64) String> townIds,
                           @Size(max = 500) List<@NotBlank @Size(max = 64) String> unitIds,
                           @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    /** A later end date, optionally with a reason. */
    record ExtendRequest(@NotNull LocalDate validTo, @Size(max = 500) String reason) {
    }

    /** What the contract covers from now on (each list whole), and why. */
    record AmendRequest(@NotNull @Size(max = 2000) List<@NotBlank @Size(max = 64) String> establishmentIds,
                        @Size(max = 50) List<@NotBlank @Size(max = 64) String> townIds,
                        @Size(max = 500) List<@NotBlank @Size(max = 64) String> unitIds,
                        @NotBlank @Size(max = 500) String reason) {
    }

    /** A contract as answered: what it covers, its validity, who created it, and every extension and amendment. */
    record ContractView(String contractId, String firmId, List<String> establishmentIds, List<String> townIds,
                        List<String> unitIds, LocalDate validFrom, LocalDate validTo, String createdBy,
                        java.time.Instant createdAt, java.time.Instant terminatedAt, List<Contract.Change> changes) {

        static ContractView of(Contract c) {
            return new ContractView(c.id(), c.firmId(), c.establishmentIds(), c.townIds(), c.unitIds(),
                    c.validFrom(), c.validTo(), c.createdBy(), c.createdAt(), c.terminatedAt(), c.changes());
        }
    }

    @PostMapping("/api/v1/contracts/{contractId}/extend")
    @CityAdminOnly
    ContractView extend(@PathVariable String contractId, @Valid @RequestBody ExtendRequest r) {
        return ContractView.of(contracts.extend(contractId, r.validTo(), r.reason(), Caller.current().subject()));
    }

    @PostMapping("/api/v1/contracts/{contractId}/amend")
    @CityAdminOnly
    ContractView amend(@PathVariable String contractId, @Valid @RequestBody AmendRequest r) {
        return ContractView.of(contracts.amend(contractId, r.establishmentIds(), r.townIds(), r.unitIds(),
                r.reason(), Caller.current().subject()));
    }

    /**
     * The establishments the firm's valid contracts cover today, as grid-service's events describe them (name, town,
     * department, industry, patrol unit; no person), for its inspectors' apps. Establishments named by a contract but
     * not yet known from grid events are not listed.
     */
    @GetMapping("/api/v1/firms/{firmId}/establishments")
    @CityWideOrFirm
    PageResponse<FirmEstablishments.Item> establishments(@PathVariable String firmId,
            @SortableBy(value = {"establishmentId", "name", "townId"}, byDefault = "establishmentId,asc")
            PageQuery page) {
        policy.checkFirmObject(Caller.current(), firmId, "firm", firmId);
        return PageResponse.of(establishments.of(firmId, page));
    }

    @GetMapping("/api/v1/contracts")
    @CityWideOrFirm
    PageResponse<ContractView> list(@RequestParam(required = false) String firmId,
                                @SortableBy(value = {"createdAt"}, byDefault = "createdAt,desc") PageQuery page) {
        return PageResponse.of(contracts.list(policy.contractsOf(Caller.current(), firmId), page)
                .map(ContractView::of));
    }

    @GetMapping("/api/v1/contracts/{contractId}")
    @CityWideOrFirm
    ContractView get(@PathVariable String contractId) {
        Contract c = contracts.get(contractId);
        policy.checkFirmObject(Caller.current(), c.firmId(), "contract", contractId);
        return ContractView.of(c);
    }

    @PostMapping("/api/v1/contracts/{contractId}/terminate")
    @CityAdminOnly
    ContractView terminate(@PathVariable String contractId) {
        return ContractView.of(contracts.terminate(contractId));
    }

    @GetMapping("/api/v1/firms/{firmId}/quality")
    @CityWideOrFirm
    FirmQuality.Quality quality(@PathVariable String firmId) {
        policy.checkFirmObject(Caller.current(), firmId, "firm", firmId);
        return quality.of(firmId);
    }
}
