package org.liuhua.hazard.firm;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.domain.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contracts of third-party firms (managed by the city) and each firm's quality record. */
@RestController
@Validated
class FirmController {

    private final Contracts contracts;
    private final FirmQuality quality;

    FirmController(Contracts contracts, FirmQuality quality) {
        this.contracts = contracts;
        this.quality = quality;
    }

    @PostMapping("/api/v1/contracts")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    ResponseEntity<Contract> create(@Valid @RequestBody ContractRequest r) {
        Contract c = contracts.create(r.firmId(), r.establishmentIds(), r.validFrom(), r.validTo(),
                Caller.current().subject());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + c.contractId())).body(c);
    }

    record ContractRequest(@NotBlank @Size(max = 64) String firmId,
                           @NotEmpty @Size(max = 10000) List<@NotBlank @Size(max = 64) String> establishmentIds,
                           @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    @GetMapping("/api/v1/contracts")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')")
    ContractPage list(@RequestParam(required = false) String firmId, @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Caller caller = Caller.current();
        String firm = caller.cityWide() ? firmId : caller.clientId();
        return new ContractPage(contracts.list(firm, page, size), page, size, contracts.count(firm));
    }

    record ContractPage(List<Contract> items, int page, int size, long totalItems) {
    }

    @GetMapping("/api/v1/contracts/{contractId}")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')")
    Contract get(@PathVariable String contractId) {
        Contract c = contracts.get(contractId);
        Caller caller = Caller.current();
        if (!caller.cityWide() && !c.firmId().equals(caller.clientId())) {
            throw new NotFoundException("contract", contractId);
        }
        return c;
    }

    @PostMapping("/api/v1/contracts/{contractId}/terminate")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    Contract terminate(@PathVariable String contractId) {
        return contracts.terminate(contractId);
    }

    @GetMapping("/api/v1/firms/{firmId}/quality")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','THIRD_PARTY_FIRM')")
    FirmQuality.Quality quality(@PathVariable String firmId) {
        Caller caller = Caller.current();
        if (!caller.cityWide() && !firmId.equals(caller.clientId())) {
            throw new NotFoundException("firm", firmId);
        }
        return quality.of(firmId);
    }

    static boolean isFirm(Caller c) {
        return c.has(Roles.THIRD_PARTY_FIRM);
    }
}
