package org.liuhua.grid.staffing.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liuhua.grid.Saved;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.grid.staffing.StaffRosters;
import org.liuhua.grid.staffing.domain.StaffMember;
import org.liuhua.grid.staffing.domain.StaffRoster;
import org.liuhua.kit.audit.Audit;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The named safety staff of towns and supervising departments (G-7): a page of people (current ones, or with
 * {@code all=true} also those who left; by post, then person id) with the current counts beside. {@code phone} is
 * null except for the city admin and the owner's officers.
 */
@RestController
class StaffRosterController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** A write answers the first page of the current people (up to 200). */
    private static final PageQuery FIRST_PAGE = new PageQuery(0, PageQuery.MAX_SIZE, Sort.unsorted());

    private final StaffRosters rosters;
    private final Scopes scopes;

    StaffRosterController(StaffRosters rosters, Scopes scopes) {
        this.rosters = rosters;
        this.scopes = scopes;
    }

    @GetMapping("/api/v1/towns/{id}/staff")
    RosterView townStaff(@PathVariable String id, @RequestParam(required = false) String post,
                         @RequestParam(defaultValue = "false") boolean all,
                         @SortableBy(value = {}, defaultSize = 50) PageQuery page) {
        CallerScope scope = scopes.current();
        return view(rosters.get(StaffRoster.TOWN, id, scope), post, all, page, scope);
    }

    /** Names a person of the town's safety staff (post SAFETY or FIRE); a changed entry starts anew from now. */
    @PostMapping("/api/v1/towns/{id}/staff")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
    ResponseEntity<RosterView> nameTownStaff(@PathVariable String id, @Valid @RequestBody StaffRequest request) {
        return put(StaffRoster.TOWN, id, request, "/api/v1/towns/" + id + "/staff");
    }

    @DeleteMapping("/api/v1/towns/{id}/staff/{personId}")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
    RosterView removeTownStaff(@PathVariable String id, @PathVariable String personId) {
        return remove(StaffRoster.TOWN, id, personId);
    }

    @GetMapping("/api/v1/departments/{id}/staff")
    RosterView departmentStaff(@PathVariable String id, @RequestParam(required = false) String post,
                               @RequestParam(defaultValue = "false") boolean all,
                               @SortableBy(value = {}, defaultSize = 50) PageQuery page) {
        CallerScope scope = scopes.current();
        return view(rosters.get(StaffRoster.DEPARTMENT, id, scope), post, all, page, scope);
    }

    /** Names a person of the department's in-house safety staff (post SAFETY). */
    @PostMapping("/api/v1/departments/{id}/staff")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')")
    ResponseEntity<RosterView> nameDepartmentStaff(@PathVariable String id,
                                                   @Valid @RequestBody StaffRequest request) {
        return put(StaffRoster.DEPARTMENT, id, request, "/api/v1/departments/" + id + "/staff");
    }

    @DeleteMapping("/api/v1/departments/{id}/staff/{personId}")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')")
    RosterView removeDepartmentStaff(@PathVariable String id, @PathVariable String personId) {
        return remove(StaffRoster.DEPARTMENT, id, personId);
    }

    private ResponseEntity<RosterView> put(String ownerType, String ownerId, StaffRequest request, String location) {
        Audit.target(StaffRoster.idOf(ownerType, ownerId) + "/" + request.personId());
        CallerScope scope = scopes.current();
        Saved<StaffRoster> saved = rosters.put(ownerType, ownerId, request.personId(), request.name(),
                request.post(), request.phone(), scope);
        return saved.toResponse(location, r -> view(r, null, false, FIRST_PAGE, scope));
    }

    private RosterView remove(String ownerType, String ownerId, String personId) {
        Audit.target(StaffRoster.idOf(ownerType, ownerId) + "/" + personId);
        CallerScope scope = scopes.current();
        return view(rosters.remove(ownerType, ownerId, personId, scope), null, false, FIRST_PAGE, scope);
    }

    private static RosterView view(StaffRoster roster, String post, boolean all, PageQuery page, CallerScope scope) {
        boolean phones = StaffRosters.seesPhones(roster, scope);
        List<PersonView> people = roster.people().stream()
                .filter(p -> (all || p.current()) && (post == null || post.equals(p.post())))
                .sorted(Comparator.comparing(StaffMember::post).reversed().thenComparing(StaffMember::personId)
                        .thenComparing(StaffMember::since))
                .map(p -> new PersonView(p.personId(), p.name(), p.post(), phones ? p.phone() : null, p.since(),
                        p.until()))
                .toList();
        return new RosterView(roster.id(), roster.ownerType(), roster.ownerId(), roster.townId(),
                roster.count(StaffRoster.SAFETY), roster.count(StaffRoster.FIRE), roster.revision(),
                PageResponse.of(people, page));
    }

    /** {@code phone}: digits, spaces, '+' and '-' (5 to 20). */
    record StaffRequest(@NotBlank @Pattern(regexp = ID) String personId, @NotBlank @Size(max = 50) String name,
                        @NotBlank @Pattern(regexp = "SAFETY|FIRE") String post,
                        @Pattern(regexp = "[0-9+ -]{5,20}") String phone) {
    }

    record PersonView(String personId, String name, String post, String phone, Instant since, Instant until) {
    }

    /** {@code safetyStaff}, {@code fireStaff}: the current named people by post (fireStaff 0 for a department). */
    record RosterView(String rosterId, String ownerType, String ownerId, String townId, int safetyStaff,
                      int fireStaff, long revision, @JsonUnwrapped PageResponse<PersonView> page) {
    }
}
