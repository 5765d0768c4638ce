package org.liuhua.grid.staffing.domain;

import java.time.Instant;

/**
 * A named person of a town's or department's safety staff (G-7): {@code post} SAFETY (专职安全监管) or FIRE (专职消防安全
 * 监管, towns only). {@code phone} is personal data (shown only to the city admin and the owning town's or department's
 * officers). A person who left, or whose entry was changed, keeps the entry with {@code until}; the change is a new
 * entry from then.
 */
public record StaffMember(String personId, String name, String post, String phone, Instant since, Instant until,
                          String recordedBy) {

    public boolean current() {
        return until == null;
    }

    boolean sameAs(String name, String post, String phone) {
        return this.name.equals(name) && this.post.equals(post) && java.util.Objects.equals(this.phone, phone);
    }

    StaffMember closed(Instant at) {
        return new StaffMember(personId, name, post, phone, since, at, recordedBy);
    }
}
