package org.liuhua.grid.establishment.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.establishment.domain.EstablishmentDraft;
import org.liuhua.grid.establishment.domain.OfficerBinding;
import org.liuhua.grid.establishment.domain.OfficerDraft;
import org.liuhua.grid.establishment.domain.Post;
import org.liuhua.grid.establishment.domain.UnitMembership;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The establishment registry (G-2): one, a batch, a spreadsheet; queries; safety-role bindings (G-3). */
@RestController
@RequestMapping("/api/v1/establishments")
class EstablishmentController {

    private static final String WRITERS = "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')";

    private final Establishments establishments;
    private final Scopes scopes;
    private final CityCalendar calendar;

    EstablishmentController(Establishments establishments, Scopes scopes, CityCalendar calendar) {
        this.establishments = establishments;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<EstablishmentView> register(@RequestBody EstablishmentDraft draft) {
        var saved = establishments.register(draft, scopes.current());
        return saved.toResponse("/api/v1/establishments/" + saved.value().id(), EstablishmentView::of);
    }

    @PostMapping("/batch")
    @PreAuthorize(WRITERS)
    List<Establishments.ItemResult> registerBatch(@RequestBody List<EstablishmentDraft> drafts) {
        if (drafts.size() > Establishments.MAX_BATCH) {
            throw new InvalidInputException("body", "a batch holds at most " + Establishments.MAX_BATCH + " items");
        }
        return establishments.registerAll(drafts, scopes.current());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WRITERS)
    Establishments.ImportReport importSpreadsheet(@RequestPart("file") MultipartFile file) throws IOException {
        return establishments.importSpreadsheet(file.getOriginalFilename(), file.getInputStream(), scopes.current());
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    EstablishmentView change(@PathVariable String id, @RequestBody EstablishmentDraft draft) {
        return EstablishmentView.of(establishments.change(id, draft, scopes.current()));
    }

    @GetMapping
    PageResponse<EstablishmentView> list(@RequestParam(required = false) String townId,
                                         @RequestParam(required = false) String unitId,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String industry,
                                         @RequestParam(required = false) String riskLevel,
                                         @RequestParam(required = false) String flag,
                                         @RequestParam(required = false) String departmentId,
                                         @RequestParam(required = false) String clusterId,
                                         @RequestParam(required = false) String landlordId,
                                         @RequestParam(required = false) Boolean unassigned,
                                         @RequestParam(required = false) Status status,
                                         @SortableBy(value = {"id", "name", "changedAt"}, byDefault = "id,asc")
                                         PageQuery page) {
        return PageResponse.of(establishments.list(new Establishments.Filter(townId, unitId, kind, industry,
                riskLevel, flag, departmentId, clusterId, landlordId, unassigned, status == null ? null : status.name()),
                scopes.current(), page),
                EstablishmentView::of);
    }

    /** The managed code sets: industries and risk flags, each code with its Chinese name. */
    @GetMapping("/code-sets")
    Map<String, Map<String, String>> codeSets() {
        return Map.of("industries", new TreeMap<>(establishments.codeSets().industries()),
                "flags", new TreeMap<>(establishments.codeSets().flags()));
    }

    @GetMapping("/{id}")
    EstablishmentView get(@PathVariable String id) {
        return EstablishmentView.of(establishments.get(id, scopes.current()));
    }

    /**
     * Moves the establishment to another patrol unit from {@code since} (a past or present day; today when absent):
     * who was responsible before that day stays as it was in the binding archive. 200 with the establishment (its
     * {@code units} history); re-sent to the unit it is in: 200, nothing changes.
     */
    @PostMapping("/{id}/move")
    @PreAuthorize(WRITERS)
    EstablishmentView move(@PathVariable String id, @Valid @RequestBody MoveRequest request) {
        return EstablishmentView.of(establishments.move(id, request.unitId(), since(request.since()),
                request.reason().trim(), scopes.current()).value());
    }

    /**
     * Closes the establishment (关闭/注销) from {@code closedOn} (a past or present day; today when absent): it stays in
     * the register with its history and is no longer due for patrols. 200 with the establishment; re-sent: 200,
     * nothing changes; a landlord with active tenants: 409 HAS_TENANTS naming them.
     */
    @PostMapping("/{id}/close")
    @PreAuthorize(WRITERS)
    EstablishmentView close(@PathVariable String id, @Valid @RequestBody CloseRequest request) {
        return EstablishmentView.of(establishments.close(id, since(request.closedOn()), request.reason().trim(),
                scopes.current()).value());
    }

    @PostMapping("/{id}/officers")
    @PreAuthorize(WRITERS)
    EstablishmentView bindOfficer(@PathVariable String id, @RequestBody OfficerDraft officer) {
        return EstablishmentView.of(establishments.bindOfficer(id, officer, since(officer.since()),
                scopes.current()));
    }

    @DeleteMapping("/{id}/officers/{personId}")
    @PreAuthorize(WRITERS)
    EstablishmentView unbindOfficer(@PathVariable String id, @PathVariable String personId,
                                    @RequestParam(required = false) String role,
                                    @RequestParam(required = false) LocalDate since) {
        return EstablishmentView.of(establishments.unbindOfficer(id, personId, role, since(since), scopes.current()));
    }

    private Instant since(LocalDate date) {
        return date == null ? null : calendar.startOf(date);
    }

    /** @param reason why it moved (企业搬迁, 网格调整, …) */
    record MoveRequest(@NotBlank @Size(max = 64) String unitId, LocalDate since,
                       @NotBlank @Size(max = 500) String reason) {
    }

    /** ACTIVE (in business) or CLOSED (关闭/注销). */
    enum Status { ACTIVE, CLOSED }

    /** @param reason why it closed (停产关闭, 吊销营业执照, 迁出本市, …) */
    record CloseRequest(LocalDate closedOn, @NotBlank @Size(max = 500) String reason) {
    }

    record EstablishmentView(String id, String name, String kind, String industry, String departmentId,
                             String townId, String villageId, String gridId, String unitId, String riskLevel,
                             String colour, List<String> flags, int employeeCount, int workshops, List<Post> posts,
                             String address,
                             Double latitude, Double longitude, String landlordId, String clusterId,
                             List<OfficerBinding> officers, List<UnitMembership> units, Instant registeredAt,
                             Instant changedAt, long revision, List<String> tenantIds, String status,
                             Instant closedAt, String closedReason) {
        static EstablishmentView of(Establishment e) {
            return new EstablishmentView(e.id(), e.name(), e.kind(), e.industry(), e.departmentId(), e.townId(),
                    e.villageId(), e.gridId(), e.unitId(), e.riskLevel(), e.colour(), e.flags(), e.employeeCount(),
                    e.workshops(), e.posts(), e.address(), e.latitude(), e.longitude(), e.landlordId(), e.clusterId(),
                    e.officers(), e.memberships(), e.registeredAt(), e.changedAt(), e.revision(), e.tenantIds(),
                    e.status(), e.closedAt(), e.closedReason());
        }
    }
}
