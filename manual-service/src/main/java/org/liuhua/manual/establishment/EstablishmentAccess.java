package org.liuhua.manual.establishment;

import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The one policy of who may see and change an establishment's handbook, cards and checklist runs (S-3): the city
 * sees everything; a town officer their town; a department officer the establishments it supervises; an enterprise
 * officer and its staff their own establishment; inspectors and third-party firms read (they check on site). Writes
 * to a handbook: the city admin and the establishment's own officer. What a caller may not see answers 404, never
 * 403, so ids do not leak.
 */
@Component
public class EstablishmentAccess {

    public boolean canRead(Caller caller, KnownEstablishment establishment) {
        if (caller.cityWide() || caller.hasAny(Roles.INSPECTOR, Roles.THIRD_PARTY_FIRM)) {
            return true;
        }
        if (caller.has(Roles.TOWN_OFFICER) && establishment.townId().equals(caller.townId())) {
            return true;
        }
        if (caller.has(Roles.DEPARTMENT_OFFICER) && establishment.departmentId() != null
                && establishment.departmentId().equals(caller.departmentId())) {
            return true;
        }
        return caller.hasAny(Roles.ENTERPRISE_OFFICER, Roles.STAFF)
                && establishment.id().equals(caller.establishmentId());
    }

    /** 404 when the caller may not see it. */
    public void requireRead(Caller caller, KnownEstablishment establishment) {
        if (!canRead(caller, establishment)) {
            throw new NotFoundException("establishment", establishment.id());
        }
    }

    /** Adopting, posts and cards: the city admin or the establishment's own safety officer. */
    public void requireManage(Caller caller, KnownEstablishment establishment) {
        requireRead(caller, establishment);
        boolean own = caller.has(Roles.ENTERPRISE_OFFICER) && establishment.id().equals(caller.establishmentId());
        if (!(caller.has(Roles.CITY_ADMIN) || own)) {
            throw new ForbiddenException("only the establishment's safety officer or the city administrator may "
                    + "change its handbook");
        }
    }

    /**
     * The scope of a list as a query criterion on documents carrying {@code establishmentId}, {@code townId} and
     * {@code departmentId}; {@code null} means no restriction.
     */
    public Criteria listScope(Caller caller) {
        if (caller.cityWide() || caller.hasAny(Roles.INSPECTOR, Roles.THIRD_PARTY_FIRM)) {
            return null;
        }
        if (caller.has(Roles.TOWN_OFFICER) && caller.townId() != null) {
            return Criteria.where("townId").is(caller.townId());
        }
        if (caller.has(Roles.DEPARTMENT_OFFICER) && caller.departmentId() != null) {
            return Criteria.where("departmentId").is(caller.departmentId());
        }
        if (caller.hasAny(Roles.ENTERPRISE_OFFICER, Roles.STAFF) && caller.establishmentId() != null) {
            return Criteria.where("establishmentId").is(caller.establishmentId());
        }
        return Criteria.where("establishmentId").is("-none-");
    }
}
