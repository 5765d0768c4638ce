package org.liuhua.training.staff.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.Spreadsheets;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.establishment.TrainingScope;
import org.liuhua.training.staff.ImportReport;
import org.liuhua.training.staff.StaffFilter;
import org.liuhua.training.staff.Staffs;
import org.liuhua.training.staff.domain.Induction;
import org.liuhua.training.staff.domain.InductionLevel;
import org.liuhua.training.staff.domain.Staff;
import org.liuhua.training.staff.domain.StaffDraft;
import org.liuhua.training.staff.domain.StaffRole;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** The staff registry (T-1) and induction records (T-2). */
@Tag(name = "Staff", description = "Staff registry per establishment, post history, imports, three-level induction")
@RestController
@RequestMapping("/api/v1/training/staff")
class StaffController {

    private final Staffs staffs;
    private final TrainingScope scopes;

    StaffController(Staffs staffs, TrainingScope scopes) {
        this.staffs = staffs;
        this.scopes = scopes;
    }

    /** A new staff member: the draft's fields plus {@code establishmentId}. */
    record NewStaff(String establishmentId, String employeeNo, String name, String role, String post,
                    String workshop, String team, String process, LocalDate hireDate, String nationalId,
                    String phone) {
        StaffDraft draft() {
            return new StaffDraft(employeeNo, name, role, post, workshop, team, process, hireDate, nationalId, phone);
        }
    }

    record PostChangeRequest(@Schema(description = "the new role, when it changes (also its Chinese name)",
                                     allowableValues = {"PRINCIPAL", "SAFETY_MANAGER", "SPECIAL_OPERATIONS", "FRONT_LINE",
                                             "DISPATCHED", "INTERN"}) String role, String post, String workshop, String team, String process,
                             LocalDate effectiveOn, String note) {
    }

    record Departure(LocalDate leftOn, String note) {
    }

    record InductionRequest(@Schema(allowableValues = {"COMPANY", "WORKSHOP", "TEAM"}) String level,
                            LocalDate heldOn, Double hours, String trainer, Integer theoryScore,
                            Integer practicalScore) {
    }

    record Batch(String establishmentId, List<Map<String, String>> items) {
    }

    @Operation(summary = "Register a staff member (national ID kept only as a keyed hash and a mask)")
    @PostMapping
    @PreAuthorize(Access.KEEPERS)
    ResponseEntity<StaffView> register(@RequestBody NewStaff body) {
        Scope scope = scopes.current();
        Staff staff = staffs.register(body.establishmentId(), body.draft(), scope, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/training/staff/" + staff.id()))
                .body(StaffView.of(staff, scope));
    }

    @Operation(summary = "Staff within the caller's scope", description = "Filters: establishmentId, townId, status"
            + " (ACTIVE, LEFT), role, post.")
    @GetMapping
    @PreAuthorize(Access.READERS)
    PageResponse<StaffView.Summary> list(@RequestParam(required = false) String establishmentId,
                                         @RequestParam(required = false) String townId,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String role,
                                         @RequestParam(required = false) String post,
                                         @SortableBy(value = {"name", "hireDate", "employeeNo"},
                                                 byDefault = "name,asc") PageQuery page) {
        Scope scope = scopes.current();
        return PageResponse.of(staffs.list(new StaffFilter(establishmentId, townId, status, role, post), scope,
                page.pageable()), s -> StaffView.Summary.of(s, scope));
    }

    @Operation(summary = "One staff member with post history and inductions (404 outside the caller's scope)")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READERS)
    StaffView get(@PathVariable String id) {
        Scope scope = scopes.current();
        return StaffView.of(staffs.get(id, scope), scope);
    }

    @Operation(summary = "Correct a staff member's details; a changed role, post, workshop, team or process is a post"
            + " change that requires induction again")
    @PutMapping("/{id}")
    @PreAuthorize(Access.KEEPERS)
    StaffView update(@PathVariable String id, @RequestBody NewStaff body) {
        Scope scope = scopes.current();
        return StaffView.of(staffs.update(id, body.draft(), scope, Caller.current()), scope);
    }

    @Operation(summary = "Post or process change (调换工种 / 采用新工艺), kept in the history; induction is due again")
    @PostMapping("/{id}/post-changes")
    @PreAuthorize(Access.KEEPERS)
    StaffView changePost(@PathVariable String id, @RequestBody PostChangeRequest body) {
        Scope scope = scopes.current();
        StaffRole role = body.role() == null ? null : StaffRole.parse(body.role());
        if (body.role() != null && role == null) {
            throw new InvalidInputException("role", "'" + body.role() + "' is not a staff role");
        }
        return StaffView.of(staffs.changePost(id, role, body.post(), body.workshop(), body.team(), body.process(),
                body.effectiveOn(), body.note(), scope, Caller.current()), scope);
    }

    @Operation(summary = "The staff member left the establishment (records are kept)")
    @PostMapping("/{id}/departure")
    @PreAuthorize(Access.KEEPERS)
    StaffView leave(@PathVariable String id, @RequestBody Departure body) {
        Scope scope = scopes.current();
        return StaffView.of(staffs.leave(id, body.leftOn(), body.note(), scope, Caller.current()), scope);
    }

    @Operation(summary = "Record one induction level (COMPANY, WORKSHOP, TEAM) with hours, trainer and both scores")
    @PostMapping("/{id}/inductions")
    @PreAuthorize(Access.KEEPERS)
    ResponseEntity<Induction> induct(@PathVariable String id, @RequestBody InductionRequest body) {
        InductionLevel level = body.level() == null ? null : InductionLevel.parse(body.level());
        if (body.level() != null && level == null) {
            throw new InvalidInputException("level", InductionLevel.notALevel(body.level()));
        }
        Induction induction = staffs.recordInduction(id, level, body.heldOn(), body.hours(), body.trainer(),
                body.theoryScore(), body.practicalScore(), scopes.current(), Caller.current());
        return ResponseEntity.status(201).body(induction);
    }

    @Operation(summary = "Record a batch of induction cards of one establishment (e.g. a class of new hires): items"
            + " name the person by staffId or employeeNo, with level, heldOn, hours, trainer, theoryScore and"
            + " practicalScore; each bad item is reported by number and field and the good ones are kept; a re-sent"
            + " item recorded already is unchanged")
    @PostMapping("/inductions/batch")
    @PreAuthorize(Access.KEEPERS)
    ImportReport recordInductions(@RequestBody Batch batch) {
        return staffs.recordInductions(batch.establishmentId(), batch.items() == null ? List.of() : batch.items(),
                scopes.current(), Caller.current());
    }

    @Operation(summary = "Import staff from an XLSX or CSV file (the template's columns); good rows are kept, each bad"
            + " cell is reported with its row and column; importing the same file again changes nothing")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Access.KEEPERS)
    ImportReport importFile(@RequestParam String establishmentId, @RequestPart("file") MultipartFile file)
            throws IOException {
        return staffs.importSpreadsheet(establishmentId, file.getOriginalFilename(), file.getInputStream(),
                scopes.current(), Caller.current());
    }

    @Operation(summary = "Import staff given as JSON items with the template's field names")
    @PostMapping("/batch")
    @PreAuthorize(Access.KEEPERS)
    ImportReport importBatch(@RequestBody Batch batch) {
        return staffs.importBatch(batch.establishmentId(), batch.items() == null ? List.of() : batch.items(),
                scopes.current(), Caller.current());
    }

    @Operation(summary = "The import template (format=xlsx or csv)")
    @GetMapping("/template")
    @PreAuthorize(Access.READERS)
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
        List<List<String>> examples = List.of(List.of("E0001", "王伟", "FRONT_LINE", "冲压工", "一车间", "甲班",
                "冲压", "2024-03-01", "", "13800000000"));
        boolean csv = "csv".equalsIgnoreCase(format);
        byte[] body = csv ? Spreadsheets.csvTemplate(Staffs.COLUMNS, examples)
                : Spreadsheets.xlsxTemplate("staff", Staffs.COLUMNS, examples);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=staff-template." + (csv ? "csv" : "xlsx"))
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }
}
