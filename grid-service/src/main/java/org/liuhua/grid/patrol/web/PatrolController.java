package org.liuhua.grid.patrol.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liuhua.grid.patrol.Patrols;
import org.liuhua.grid.patrol.TrackBatch;
import org.liuhua.grid.patrol.domain.CheckIn;
import org.liuhua.grid.patrol.domain.Finding;
import org.liuhua.grid.patrol.domain.Patrol;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patrols from the inspector app (G-5), offline-first: all ids are client-generated; a re-sent request answers 200
 * and changes nothing, a new one 201.
 */
@RestController
@RequestMapping("/api/v1/patrols")
class PatrolController {

    static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,79}";
    /** A patrol id holds no ':', so a finding's key {@code <patrolId>:<findingId>} reads only one way. */
    static final String PATROL_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,79}";
    /** Ids of the registry (units, establishments, inspectors) are at most 64 characters. */
    static final int REF = 64;
    /** A photo id as hazard-service's evidence store answers it (a UUID). */
    static final String PHOTO_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** The photos one finding may carry (as a third-party firm's finding). */
    static final int MAX_PHOTOS = 10;
    private static final String RECORDERS = "hasAnyRole('INSPECTOR','CITY_ADMIN')";

    private final Patrols patrols;
    private final Scopes scopes;

    PatrolController(Patrols patrols, Scopes scopes) {
        this.patrols = patrols;
        this.scopes = scopes;
    }

    @PostMapping
    @PreAuthorize(RECORDERS)
    ResponseEntity<PatrolView> start(@Valid @RequestBody StartRequest request) {
        return patrols.start(request.id(), request.unitId(), request.startedAt(), request.inspectorId(),
                scopes.current()).toResponse("/api/v1/patrols/" + request.id(), PatrolView::of);
    }

    @PostMapping("/{id}/track")
    @PreAuthorize(RECORDERS)
    ResponseEntity<Map<String, Object>> track(@PathVariable String id, @Valid @RequestBody TrackRequest request) {
        boolean stored = patrols.track(id, request.batchId(), request.points().stream()
                .map(p -> new TrackBatch.TrackPoint(p.lat(), p.lon(), p.deviceTime())).toList(), scopes.current());
        Map<String, Object> body = Map.of("patrolId", id, "batchId", request.batchId(), "points",
                request.points().size(), "duplicate", !stored);
        return stored ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    @GetMapping("/{id}/track")
    PageResponse<TrackBatch> track(@PathVariable String id,
                                   @SortableBy(value = "receivedAt", byDefault = "receivedAt,asc") PageQuery page) {
        return PageResponse.of(patrols.track(id, scopes.current(), page));
    }

    @PostMapping("/{id}/check-ins")
    @PreAuthorize(RECORDERS)
    ResponseEntity<CheckInView> checkIn(@PathVariable String id, @Valid @RequestBody CheckInRequest request) {
        var saved = patrols.checkIn(id, request.toCommand(), scopes.current());
        return saved.toResponse("/api/v1/patrols/" + id, c -> CheckInView.of(c, !saved.created()));
    }

    @PostMapping("/{id}/findings")
    @PreAuthorize(RECORDERS)
    ResponseEntity<FindingView> record(@PathVariable String id, @Valid @RequestBody FindingRequest request) {
        var saved = patrols.record(id, request.toCommand(), scopes.current());
        return saved.toResponse("/api/v1/patrols/" + id, f -> FindingView.of(f, !saved.created()));
    }

    /**
     * Corrects a finding (category, severity, description, checklist item) until grid-service knows that it became
     * a hazard (then 409 BECAME_HAZARD: the hazard is corrected in hazard-service). 200 with the finding; the same
     * content again: 200, nothing changes. A re-sync of the phone's first version does not undo the correction.
     */
    @PutMapping("/{id}/findings/{findingId}")
    @PreAuthorize(RECORDERS)
    FindingView correct(@PathVariable String id, @PathVariable String findingId,
                        @Valid @RequestBody CorrectionRequest request) {
        return FindingView.of(patrols.correct(id, findingId, request.category(), request.severity(),
                request.description(), request.checklistItemId(), scopes.current()).value(), false);
    }

    /** Withdraws a finding recorded by mistake, under the same rule as a correction; kept, no longer counted. */
    @PostMapping("/{id}/findings/{findingId}/withdraw")
    @PreAuthorize(RECORDERS)
    FindingView withdraw(@PathVariable String id, @PathVariable String findingId,
                         @Valid @RequestBody WithdrawRequest request) {
        return FindingView.of(patrols.withdraw(id, findingId, request.reason().trim(), scopes.current()).value(),
                false);
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize(RECORDERS)
    PatrolView complete(@PathVariable String id, @Valid @RequestBody CompleteRequest request) {
        return PatrolView.of(patrols.complete(id, request.deviceTime(), scopes.current()).value());
    }

    @PostMapping("/sync")
    @PreAuthorize(RECORDERS)
    SyncView sync(@Valid @RequestBody SyncRequest request) {
        return SyncView.of(patrols.sync(request.id(), request.unitId(), request.startedAt(), request.completedAt(),
                request.inspectorId(),
                request.track() == null ? List.of() : request.track().stream()
                        .map(p -> new TrackBatch.TrackPoint(p.lat(), p.lon(), p.deviceTime())).toList(),
                request.checkIns() == null ? List.of() : request.checkIns().stream().map(CheckInRequest::toCommand)
                        .toList(),
                request.findings() == null ? List.of() : request.findings().stream().map(FindingRequest::toCommand)
                        .toList(),
                scopes.current()));
    }

    @GetMapping("/{id}")
    PatrolView get(@PathVariable String id) {
        return PatrolView.of(patrols.get(id, scopes.current()));
    }

    @GetMapping
    PageResponse<PatrolView> list(@RequestParam(required = false) String inspectorId,
                                  @RequestParam(required = false) String unitId,
                                  @RequestParam(required = false) String townId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                  Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                  Instant to,
                                  @SortableBy(value = {"startedAt", "id"}, byDefault = "startedAt,asc")
                                  PageQuery page) {
        return PageResponse.of(patrols.list(inspectorId, unitId, townId, from, to, scopes.current(), page),
                PatrolView::of);
    }

    record StartRequest(@NotBlank @Pattern(regexp = PATROL_ID) String id, @NotBlank @Size(max = REF) String unitId,
                        @NotNull Instant startedAt, @Size(max = REF) String inspectorId) {
    }

    record Point(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                 @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @NotNull Instant deviceTime) {
    }

    record TrackRequest(@NotBlank @Pattern(regexp = CLIENT_ID) String batchId,
                        @NotNull @Size(max = Patrols.MAX_TRACK_POINTS) List<@Valid @NotNull Point> points) {
    }

    record CheckInRequest(@NotBlank @Pattern(regexp = CLIENT_ID) String id,
                          @NotBlank @Size(max = REF) String establishmentId,
                          @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                          @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @NotNull Instant deviceTime) {
        Patrols.NewCheckIn toCommand() {
            return new Patrols.NewCheckIn(id, establishmentId, lat, lon, deviceTime);
        }
    }

    record FindingRequest(@NotBlank @Pattern(regexp = CLIENT_ID) String id,
                          @NotBlank @Size(max = REF) String establishmentId,
                          @NotBlank @Size(max = 64) String category,
                          @Schema(allowableValues = {"GENERAL", "MAJOR"})
                          @Pattern(regexp = "GENERAL|MAJOR", message = "must be GENERAL or MAJOR") String severity,
                          @NotBlank @Size(max = 2000) String description, @Size(max = 64) String checklistItemId,
                          @NotNull Instant deviceTime,
                          @Schema(description = "ids of photos the patrol's inspector uploaded before to POST "
                                  + "/api/v1/evidence (hazard-service); an unknown id (after a short wait for its "
                                  + "upload to be known) or another owner's photo is a 400 naming it")
                          @Size(max = MAX_PHOTOS) List<@NotNull @Pattern(regexp = PHOTO_ID,
                                  message = "must be a photo id answered by POST /api/v1/evidence") String> photoIds) {
        Patrols.NewFinding toCommand() {
            return new Patrols.NewFinding(id, establishmentId, category, severity, description, checklistItemId,
                    deviceTime, photoIds);
        }
    }

    record CorrectionRequest(@NotBlank @Size(max = 64) String category,
                             @Schema(allowableValues = {"GENERAL", "MAJOR"})
                          @Pattern(regexp = "GENERAL|MAJOR", message = "must be GENERAL or MAJOR") String severity,
                             @NotBlank @Size(max = 2000) String description,
                             @Size(max = 64) String checklistItemId) {
    }

    record WithdrawRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record CompleteRequest(@NotNull Instant deviceTime) {
    }

    /** At most {@value Patrols#MAX_SYNC_ITEMS} check-ins and as many findings; a larger sync stores nothing. */
    record SyncRequest(@NotBlank @Pattern(regexp = PATROL_ID) String id, @NotBlank @Size(max = REF) String unitId,
                       @NotNull Instant startedAt, Instant completedAt, @Size(max = REF) String inspectorId,
                       @Size(max = Patrols.MAX_TRACK_POINTS) List<@Valid @NotNull Point> track,
                       @Size(max = Patrols.MAX_SYNC_ITEMS) List<@Valid @NotNull CheckInRequest> checkIns,
                       @Size(max = Patrols.MAX_SYNC_ITEMS) List<@Valid @NotNull FindingRequest> findings) {
    }

    /** A check-in as stored; {@code duplicate} when it was stored before (the request changed nothing). */
    record CheckInView(String checkInId, String establishmentId, double latitude, double longitude,
                       Instant deviceTime, Instant receivedAt, Double distanceMeters, boolean proven,
                       boolean duplicate) {
        static CheckInView of(CheckIn c, boolean duplicate) {
            return new CheckInView(c.checkInId(), c.establishmentId(), c.latitude(), c.longitude(), c.deviceTime(),
                    c.receivedAt(), c.distanceMeters(), c.proven(), duplicate);
        }
    }

    /**
     * A finding as stored; {@code duplicate} when this patrol holds it already (the request changed nothing and no
     * second hazard is reported).
     */
    record FindingView(String findingId, String establishmentId, String category, String severity,
                       String description, String checklistItemId, Instant deviceTime, Instant receivedAt,
                       Instant correctedAt, Instant withdrawnAt, String withdrawnReason, List<String> photoIds,
                       boolean duplicate) {
        static FindingView of(Finding f, boolean duplicate) {
            return new FindingView(f.findingId(), f.establishmentId(), f.category(), f.severity(), f.description(),
                    f.checklistItemId(), f.deviceTime(), f.receivedAt(), f.correctedAt(), f.withdrawnAt(),
                    f.withdrawnReason(), f.photoIds(), duplicate);
        }
    }

    /**
     * The synced patrol, and per check-in and finding sent (in order) whether it was stored now ({@code CREATED}) or
     * had been before ({@code DUPLICATE}).
     */
    record SyncView(String id, String inspectorId, String unitId, String townId, String state, Instant startedAt,
                    Instant receivedAt, Instant completedAt, Instant completionReceivedAt, List<CheckIn> checkIns,
                    List<Finding> findings, List<String> provenEstablishmentIds,
                    List<String> unprovenEstablishmentIds, List<Patrols.ItemResult> checkInResults,
                    List<Patrols.ItemResult> findingResults) {
        static SyncView of(Patrols.SyncResult r) {
            Patrol p = r.patrol();
            return new SyncView(p.id(), p.inspectorId(), p.unitId(), p.townId(), p.state(), p.startedAt(),
                    p.receivedAt(), p.completedAt(), p.completionReceivedAt(), p.checkIns(), p.findings(),
                    p.provenEstablishmentIds(), p.unprovenEstablishmentIds(), r.checkIns(), r.findings());
        }
    }

    record PatrolView(String id, String inspectorId, String unitId, String townId, String state, Instant startedAt,
                      Instant receivedAt, Instant completedAt, Instant completionReceivedAt, List<CheckIn> checkIns,
                      List<Finding> findings, List<String> provenEstablishmentIds,
                      List<String> unprovenEstablishmentIds) {
        static PatrolView of(Patrol p) {
            return new PatrolView(p.id(), p.inspectorId(), p.unitId(), p.townId(), p.state(), p.startedAt(),
                    p.receivedAt(), p.completedAt(), p.completionReceivedAt(), p.checkIns(), p.findings(),
                    p.provenEstablishmentIds(), p.unprovenEstablishmentIds());
        }
    }
}
