package org.liuhua.training.establishment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What one caller may see: everything, a set of establishments (their own, their town's, their department's, their
 * units'), and/or their own person ({@code staffId}). Phones are shown to the establishment itself and the city.
 *
 * @param all                 city-wide
 * @param establishments      establishments seen whole
 * @param staffId             the caller's own staff record (role STAFF)
 * @param phoneEstablishments establishments whose phones the caller sees (their own, as its safety officer)
 * @param writable            establishments whose records the caller may keep (null = all, for the city)
 */
public record Scope(boolean all, Set<String> establishments, String staffId, Set<String> phoneEstablishments,
                    Set<String> writable) {

    public Scope {
        establishments = establishments == null ? Set.of() : Set.copyOf(establishments);
        phoneEstablishments = phoneEstablishments == null ? Set.of() : Set.copyOf(phoneEstablishments);
    }

    /** Whether the whole establishment is visible. */
    public boolean covers(String establishmentId) {
        return all || establishments.contains(establishmentId);
    }

    /** Whether one person's record is visible. */
    public boolean covers(String establishmentId, String personId) {
        return covers(establishmentId) || (staffId != null && staffId.equals(personId));
    }

    public boolean mayKeep(String establishmentId) {
        return writable == null || writable.contains(establishmentId);
    }

    public boolean seesPhone(String establishmentId, String personId) {
        return all || phoneEstablishments.contains(establishmentId) || (staffId != null && staffId.equals(personId));
    }

    /**
     * The criterion a query adds: records of visible establishments, and (when {@code personField} is given) the
     * caller's own records. null when everything is visible.
     */
    public Criteria criteria(String establishmentField, String personField) {
        if (all) {
            return null;
        }
        List<Criteria> any = new ArrayList<>();
        if (!establishments.isEmpty()) {
            any.add(Criteria.where(establishmentField).in(establishments));
        }
        if (staffId != null && personField != null) {
            any.add(Criteria.where(personField).is(staffId));
        }
        if (any.isEmpty()) {
            return Criteria.where("_id").in(List.of());
        }
        return any.size() == 1 ? any.get(0) : new Criteria().orOperator(any);
    }

    /** The establishments an establishment-level list may show, narrowed by optional filters; null = no limit. */
    public Set<String> visibleEstablishments() {
        return all ? null : establishments;
    }
}
