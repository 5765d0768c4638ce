package org.liuhua.grid.inspector.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liuhua.grid.inspector.Inspectors;
import org.liuhua.grid.inspector.domain.Inspector;
import org.liuhua.grid.inspector.domain.UnitBinding;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
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
import org.springframework.web.bind.annotation.RestController;

/** Inspectors and their unit bindings (G-3). */
@RestController
@RequestMapping("/api/v1/inspectors")
class InspectorController {

    private static final String WRITERS = "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')";

    private final Inspectors inspectors;
    private final Scopes scopes;
    private final CityCalendar calendar;

    InspectorController(Inspectors inspectors, Scopes scopes, CityCalendar calendar) {
        this.inspectors = inspectors;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<InspectorView> register(@Valid @RequestBody InspectorRequest request) {
        var saved = inspectors.register(request.id(), request.name(), request.employment(), request.townId(),
                request.phone(), scopes.current());
        return saved.toResponse("/api/v1/inspectors/" + saved.value().id(), this::view);
    }

    @GetMapping
    PageResponse<InspectorSummary> list(@RequestParam(required = false) String townId,
                                     @RequestParam(required = false) String unitId,
                                     @RequestParam(required = false) String employment,
                                     @SortableBy(value = {"id", "name"}, byDefault = "id,asc", defaultSize = 50)
                                     PageQuery page) {
        CallerScope scope = scopes.current();
        return PageResponse.of(inspectors.list(townId, unitId, employment, scope, page),
                i -> InspectorSummary.of(i, Inspectors.seesPhone(i, scope)));
    }

    @GetMapping("/{id}")
    InspectorView get(@PathVariable String id) {
        return view(inspectors.get(id, scopes.current()));
    }

    /** Changes name, employment and phone (not the town); 200 with the inspector; a retired one: 409 RETIRED. */
    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    InspectorView edit(@PathVariable String id, @Valid @RequestBody EditRequest request) {
        return view(inspectors.edit(id, request.name(), request.employment(), request.phone(), scopes.current()));
    }

    /**
     * Retires the inspector from {@code since} (a past or present day; today when absent): every current unit
     * binding ends that day and no new one can start. Re-sent: 200, nothing changes.
     */
    @PostMapping("/{id}/retire")
    @PreAuthorize(WRITERS)
    InspectorView retire(@PathVariable String id, @Valid @RequestBody RetireRequest request) {
        return view(inspectors.retire(id, start(request.since()), request.reason().trim(), scopes.current()));
    }

    @PostMapping("/{id}/bindings")
    @PreAuthorize(WRITERS)
    InspectorView bind(@PathVariable String id, @Valid @RequestBody BindRequest request) {
        return view(inspectors.bind(id, request.unitId(), start(request.since()), scopes.current()));
    }

    @DeleteMapping("/{id}/bindings/{unitId}")
    @PreAuthorize(WRITERS)
    InspectorView unbind(@PathVariable String id, @PathVariable String unitId,
                         @RequestParam(required = false) LocalDate since) {
        return view(inspectors.unbind(id, unitId, start(since), scopes.current()));
    }

    private InspectorView view(Inspector inspector) {
        return InspectorView.of(inspector, Inspectors.seesPhone(inspector, scopes.current()));
    }

    private Instant start(LocalDate date) {
        return date == null ? null : calendar.startOf(date);
    }

    record InspectorRequest(@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
                            @NotBlank @Size(max = 100) String name,
                            @Schema(allowableValues = {"FULL_TIME", "PART_TIME"}) @NotBlank @Size(max = 50) String employment,
                            @NotBlank @Size(max = 64) String townId, @Size(max = 32) String phone) {
    }

    record EditRequest(@NotBlank @Size(max = 100) String name,
                       @Schema(allowableValues = {"FULL_TIME", "PART_TIME"}) @NotBlank @Size(max = 50) String employment,
                       @Size(max = 32) String phone) {
    }

    /** @param reason why (调岗, 离职, …) */
    record RetireRequest(LocalDate since, @NotBlank @Size(max = 500) String reason) {
    }

    record BindRequest(@NotBlank @Size(max = 64) String unitId, LocalDate since) {
    }

    /**
     * An inspector with the history of their unit bindings; {@code phone} only for the city admin, the town officer
     * of the inspector's town and the inspector themself (else null).
     */
    record InspectorView(String id, String name, String employment, String townId, String phone,
                         List<String> unitIds, List<UnitBinding> bindings, Instant retiredAt, String retiredReason,
                         long revision) {
        static InspectorView of(Inspector i, boolean withPhone) {
            return new InspectorView(i.id(), i.name(), i.employment(), i.townId(), withPhone ? i.phone() : null,
                    i.currentUnitIds(), i.unitBindings(), i.retiredAt(), i.retiredReason(), i.revision());
        }
    }

    /** A list item: no binding history; {@code phone} as in {@link InspectorView}. */
    record InspectorSummary(String id, String name, String employment, String townId, String phone,
                            List<String> unitIds, Instant retiredAt) {
        static InspectorSummary of(Inspector i, boolean withPhone) {
            return new InspectorSummary(i.id(), i.name(), i.employment(), i.townId(), withPhone ? i.phone() : null,
                    i.currentUnitIds(), i.retiredAt());
        }
    }
}
