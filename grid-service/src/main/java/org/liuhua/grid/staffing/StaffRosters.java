package org.liuhua.grid.staffing;

import java.time.Clock;
import java.util.Optional;

import org.liuhua.grid.Saved;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.grid.staffing.domain.StaffRoster;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The named safety staff of towns and departments (G-7). A town's roster is seen by whoever sees the town and written
 * by the city admin and the town's officers; a department's roster is seen and written by the city admin and the
 * department's officers (the cockpit reads it too). Phone numbers go only to the city admin and the owner's officers.
 */
@Service
public class StaffRosters {

    private final AggregateStore<StaffRoster> store;
    private final Regions regions;
    private final Clock clock;

    StaffRosters(AggregateStore<StaffRoster> store, Regions regions, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.clock = clock;
    }

    /** The roster of a town or department the caller sees (empty when nobody was named yet), else 404. */
    public StaffRoster get(String ownerType, String ownerId, CallerScope scope) {
        requireVisible(ownerType, ownerId, scope);
        return find(ownerType, ownerId).orElseGet(() -> StaffRoster.empty(ownerType, ownerId, clock.instant()));
    }

    /** Read by {@code _id}; for the staffing gaps. */
    public Optional<StaffRoster> find(String ownerType, String ownerId) {
        return store.findById(StaffRoster.idOf(ownerType, ownerId));
    }

    /** Names a person of the staff (201 new, 200 changed or the same again). */
    public Saved<StaffRoster> put(String ownerType, String ownerId, String personId, String name, String post,
                                  String phone, CallerScope scope) {
        requireWriter(ownerType, ownerId, scope);
        String id = StaffRoster.idOf(ownerType, ownerId);
        if (store.findById(id).isEmpty()) {
            try {
                store.insert(StaffRoster.empty(ownerType, ownerId, clock.instant()));
            } catch (DuplicateKeyException concurrent) {
                // another request created it first
            }
        }
        boolean[] added = new boolean[1];
        Saved<StaffRoster> saved = Saved.change(store, id, "staff roster", roster -> {
            added[0] = roster.currentOf(personId) == null;
            return roster.put(personId, name.trim(), post, phone, scope.caller().username(), clock.instant());
        });
        return added[0] ? Saved.created(saved.value()) : Saved.unchanged(saved.value());
    }

    /** A person leaves the staff; not a current member: 404. */
    public StaffRoster remove(String ownerType, String ownerId, String personId, CallerScope scope) {
        requireWriter(ownerType, ownerId, scope);
        if (find(ownerType, ownerId).isEmpty()) {
            throw new NotFoundException("staff member", personId);
        }
        return Saved.change(store, StaffRoster.idOf(ownerType, ownerId), "staff roster",
                roster -> roster.remove(personId, scope.caller().username(), clock.instant())).value();
    }

    /** Whether the caller may read the staff's phone numbers: the city admin and the owner's officers. */
    public static boolean seesPhones(StaffRoster roster, CallerScope scope) {
        if (scope.caller().has(Roles.CITY_ADMIN)) {
            return true;
        }
        if (StaffRoster.TOWN.equals(roster.ownerType())) {
            return scope.caller().has(Roles.TOWN_OFFICER) && roster.ownerId().equals(scope.caller().townId());
        }
        return scope.caller().has(Roles.DEPARTMENT_OFFICER) && roster.ownerId().equals(scope.caller().departmentId());
    }

    private void requireVisible(String ownerType, String ownerId, CallerScope scope) {
        if (StaffRoster.TOWN.equals(ownerType)) {
            if (regions.findTown(ownerId).isEmpty() || !scope.seesTown(ownerId)) {
                throw new NotFoundException("town", ownerId);
            }
        } else if (regions.findDepartment(ownerId).isEmpty() || !(scope.cityWide()
                || (scope.caller().has(Roles.DEPARTMENT_OFFICER) && ownerId.equals(scope.caller().departmentId())))) {
            throw new NotFoundException("department", ownerId);
        }
    }

    private void requireWriter(String ownerType, String ownerId, CallerScope scope) {
        requireVisible(ownerType, ownerId, scope);
        if (StaffRoster.TOWN.equals(ownerType)) {
            scope.requireWriteTown(ownerId);
        } else if (!scope.caller().has(Roles.CITY_ADMIN) && !(scope.caller().has(Roles.DEPARTMENT_OFFICER)
                && ownerId.equals(scope.caller().departmentId()))) {
            throw new ForbiddenException("only the city admin and the department's officers name its staff");
        }
    }
}
