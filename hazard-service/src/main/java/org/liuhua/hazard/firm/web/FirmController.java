package org.liuhua.hazard.firm.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.access.CityAdminOnly;
import org.liuhua.hazard.access.CityWideOrFirm;
import org.liuhua.hazard.firm.Contract;
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
    private final AccessPolicy policy;

    FirmController(Contracts contracts, FirmQuality quality, AccessPolicy policy) {
        this.contracts = contracts;
        this.quality = quality;
        this.policy = policy;
    }

    @PostMapping("/api/v1/contracts")
    @CityAdminOnly
    ResponseEntity<Contract> create(@Valid @RequestBody ContractRequest r) {
        Contract c = contracts.create(r.firmId(), r.establishmentIds(), r.validFrom(), r.validTo(),
                Caller.current().subject());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + c.contractId())).body(c);
    }

    record ContractRequest(@NotBlank @Size(max = 64) String firmId,
                           @NotEmpty @Size(max = 2000) List<@NotBlank @Size(max = 64) String> establishmentIds,
                           @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    @GetMapping("/api/v1/contracts")
    @CityWideOrFirm
    PageResponse<Contract> list(@RequestParam(required = false) String firmId,
                                @SortableBy(value = {"createdAt"}, byDefault = "createdAt,desc") PageQuery page) {
        return PageResponse.of(contracts.list(policy.contractsOf(Caller.current(), firmId), page));
    }

    @GetMapping("/api/v1/contracts/{contractId}")
    @CityWideOrFirm
    Contract get(@PathVariable String contractId) {
        Contract c = contracts.get(contractId);
        policy.checkFirmObject(Caller.current(), c.firmId(), "contract", contractId);
        return c;
    }

    @PostMapping("/api/v1/contracts/{contractId}/terminate")
    @CityAdminOnly
    Contract terminate(@PathVariable String contractId) {
        return contracts.terminate(contractId);
    }

    @GetMapping("/api/v1/firms/{firmId}/quality")
    @CityWideOrFirm
    FirmQuality.Quality quality(@PathVariable String firmId) {
        policy.checkFirmObject(Caller.current(), firmId, "firm", firmId);
        return quality.of(firmId);
    }
}
