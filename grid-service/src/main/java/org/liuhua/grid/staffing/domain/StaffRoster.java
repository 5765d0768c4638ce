package org.liuhua.grid.staffing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.events.grid.StaffRosterChanged;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;

/**
 * The named safety staff of a town or of a supervising department (G-7; rugao 2026: 在编专职安全监管人员 / 专职消防安全监管
 * 人员, 行业主管部门内设监管机构人员). One document per owner, {@code _id} {@code town:<id>} or {@code department:<id>}. Every
 * change registers {@link StaffRosterChanged} with the counts (no names, no phones).
 */
public class StaffRoster extends AggregateRoot {

    public static final String TOWN = "TOWN";
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String SAFETY = "SAFETY";
    public static final String FIRE = "FIRE";

    private String id;
    private String ownerType;
    private String ownerId;
    private String townId;
    private List<StaffMember> people = new ArrayList<>();
    private long revision;
    private Instant changedAt;

    StaffRoster() {
    }

    public static String idOf(String ownerType, String ownerId) {
        return ownerType.toLowerCase(java.util.Locale.ROOT) + ":" + ownerId;
    }

    /** An empty roster (registers nothing: a roster without people says nothing yet). */
    public static StaffRoster empty(String ownerType, String ownerId, Instant now) {
        StaffRoster roster = new StaffRoster();
        roster.id = idOf(ownerType, ownerId);
        roster.ownerType = ownerType;
        roster.ownerId = ownerId;
        roster.townId = TOWN.equals(ownerType) ? ownerId : null;
        roster.changedAt = now;
        return roster;
    }

    /** The posts an owner's staff may hold: a town SAFETY and FIRE, a department SAFETY. */
    public List<String> posts() {
        return TOWN.equals(ownerType) ? List.of(SAFETY, FIRE) : List.of(SAFETY);
    }

    /**
     * Records a person (new, or changed: the old entry is closed and a new one starts now); the same facts again are a
     * no-op (false).
     */
    public boolean put(String personId, String name, String post, String phone, String by, Instant now) {
        if (!posts().contains(post)) {
            throw new InvalidInputException("post", "must be one of " + posts());
        }
        StaffMember existing = currentOf(personId);
        if (existing != null && existing.sameAs(name, post, phone)) {
            return false;
        }
        if (existing != null) {
            people.set(people.indexOf(existing), existing.closed(now));
        }
        people.add(new StaffMember(personId, name, post, phone, now, null, by));
        changed(by, now);
        return true;
    }

    /** A person leaves the staff (the entry is kept with {@code until}); not a current member: 404. */
    public boolean remove(String personId, String by, Instant now) {
        StaffMember existing = currentOf(personId);
        if (existing == null) {
            throw new NotFoundException("staff member", personId);
        }
        people.set(people.indexOf(existing), existing.closed(now));
        changed(by, now);
        return true;
    }

    public StaffMember currentOf(String personId) {
        return people.stream().filter(p -> p.current() && p.personId().equals(personId)).findFirst().orElse(null);
    }

    /** The number of current people of a post. */
    public int count(String post) {
        return (int) people.stream().filter(p -> p.current() && p.post().equals(post)).count();
    }

    private void changed(String by, Instant now) {
        revision++;
        changedAt = now;
        registerEvent(new StaffRosterChanged(id, ownerType, ownerId, townId, count(SAFETY), count(FIRE), revision, by,
                now));
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String ownerType() { return ownerType; }
    public String ownerId() { return ownerId; }
    public String townId() { return townId; }
    public List<StaffMember> people() { return List.copyOf(people); }
    public long revision() { return revision; }
    public Instant changedAt() { return changedAt; }
}
