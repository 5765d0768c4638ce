package org.liuhua.hazard.access;

import java.util.Set;

import org.liuhua.hazard.known.KnownEstablishments;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.springframework.stereotype.Component;

import static org.liuhua.kit.security.Roles.CITY_ADMIN;
import static org.liuhua.kit.security.Roles.COCKPIT_VIEWER;
import static org.liuhua.kit.security.Roles.DEPARTMENT_OFFICER;
import static org.liuhua.kit.security.Roles.ENTERPRISE_OFFICER;
import static org.liuhua.kit.security.Roles.INSPECTOR;
import static org.liuhua.kit.security.Roles.MONITORING_SYSTEM;
import static org.liuhua.kit.security.Roles.THIRD_PARTY_FIRM;
import static org.liuhua.kit.security.Roles.TOWN_OFFICER;

/**
 * Who may do what in hazard-service, in one place. Two kinds of rule:
 * <ul>
 *   <li><b>function level</b>: the role sets of the endpoints, as the Spring Security expressions the
 *       meta-annotations of this package ({@link Officer}, {@link CityOrTownOfficer}, …) put on the controllers;</li>
 *   <li><b>object level</b>: the rules about one object that the roles alone do not decide (which department
 *       acknowledges a transfer, who signs off, for which establishments a caller may report, which firm's or town's
 *       objects a caller reaches). Objects outside the caller's reach answer 404, actions the role or the object do
 *       not allow 403.</li>
 * </ul>
 * Which hazards a caller sees at all is the data scope ({@code loop.HazardScope}, a query criterion).
 */
@Component
public class AccessPolicy {

    // ---- function level: the role sets of the endpoints -------------------------------------------------------------

    /** Contracts are the city's. */
    public static final String CITY_ADMIN_ONLY = "hasRole('" + CITY_ADMIN + "')";
    /** Transfer, supervision order, verify and reject public reports. */
    public static final String CITY_OR_TOWN_OFFICER = "hasAnyRole('" + CITY_ADMIN + "','" + TOWN_OFFICER + "')";
    /** Sign-off by the supervising department. */
    public static final String CITY_OR_DEPARTMENT_OFFICER = "hasAnyRole('" + CITY_ADMIN + "','" + DEPARTMENT_OFFICER
            + "')";
    /** Enforce and close. */
    public static final String OFFICER = "hasAnyRole('" + CITY_ADMIN + "','" + TOWN_OFFICER + "','"
            + DEPARTMENT_OFFICER + "')";
    /** Read what the officers record (warning interviews): the officers and the cockpit viewer. */
    public static final String CITY_WIDE_OR_OFFICER = "hasAnyRole('" + CITY_ADMIN + "','" + COCKPIT_VIEWER + "','"
            + TOWN_OFFICER + "','" + DEPARTMENT_OFFICER + "')";
    /** Acknowledge and rectify: the officers and the establishment itself. */
    public static final String OFFICER_OR_ENTERPRISE = "hasAnyRole('" + CITY_ADMIN + "','" + TOWN_OFFICER + "','"
            + DEPARTMENT_OFFICER + "','" + ENTERPRISE_OFFICER + "')";
    /** Review: the officers and the inspectors. */
    public static final String OFFICER_OR_INSPECTOR = "hasAnyRole('" + CITY_ADMIN + "','" + TOWN_OFFICER + "','"
            + DEPARTMENT_OFFICER + "','" + INSPECTOR + "')";
    /** Report a hazard. */
    public static final String REPORTER = "hasAnyRole('" + CITY_ADMIN + "','" + TOWN_OFFICER + "','"
            + DEPARTMENT_OFFICER + "','" + INSPECTOR + "','" + ENTERPRISE_OFFICER + "')";
    /** Contracts and firm quality: city-wide readers and the firms (each its own). */
    public static final String CITY_WIDE_OR_FIRM = "hasAnyRole('" + CITY_ADMIN + "','" + COCKPIT_VIEWER + "','"
            + THIRD_PARTY_FIRM + "')";
    /** A contract's report: city-wide readers, town officers (their town's part) and the firm (its own). */
    public static final String CITY_WIDE_TOWN_OR_FIRM = "hasAnyRole('" + CITY_ADMIN + "','" + COCKPIT_VIEWER + "','"
            + TOWN_OFFICER + "','" + THIRD_PARTY_FIRM + "')";
    /** Public reports and rewards: city-wide readers and the town officers (each their town's). */
    public static final String CITY_WIDE_OR_TOWN_OFFICER = "hasAnyRole('" + CITY_ADMIN + "','" + COCKPIT_VIEWER
            + "','" + TOWN_OFFICER + "')";
    /** A finding's photos uploaded before the finding is sent: inspectors (patrol sync) and firms (batches). */
    public static final String INSPECTOR_OR_FIRM = "hasAnyRole('" + INSPECTOR + "','" + THIRD_PARTY_FIRM + "')";
    /** Intake batches. */
    public static final String FIRM = "hasRole('" + THIRD_PARTY_FIRM + "')";
    /** Sensor and AI-video alerts: a monitoring system's client. */
    public static final String SYSTEM = "hasRole('" + MONITORING_SYSTEM + "')";
    /** Evidence uploads: everyone who sees the hazard, except the read-only cockpit (unless also city admin). */
    public static final String NOT_READ_ONLY = "!hasRole('" + COCKPIT_VIEWER + "') or hasRole('" + CITY_ADMIN + "')";

    /** The roles a caller may act in on a hazard, most senior first: the first one held is recorded as theirs. */
    private static final String[] ACTING_ROLES = {CITY_ADMIN, TOWN_OFFICER, DEPARTMENT_OFFICER, INSPECTOR,
            ENTERPRISE_OFFICER, THIRD_PARTY_FIRM, MONITORING_SYSTEM};

    /**
     * The sources that come through a channel of their own and are never typed in: a firm's batch (THIRD_PARTY), a
     * monitoring system's alert (SENSOR), a verified public report (PUBLIC_REPORT).
     */
    private static final Set<String> CHANNEL_SOURCES = Set.of("THIRD_PARTY", "SENSOR", "PUBLIC_REPORT");

    private final KnownEstablishments known;

    AccessPolicy(KnownEstablishments known) {
        this.known = known;
    }

    // ---- who is acting ----------------------------------------------------------------------------------------------

    /** The role recorded for the caller in history and events: the most senior one they hold. */
    public static String actingRole(Caller caller) {
        for (String role : ACTING_ROLES) {
            if (caller.has(role)) {
                return role;
            }
        }
        return caller.roles().stream().sorted().findFirst().orElse("NONE");
    }

    /** The monitoring system a caller is (its client id), or null when the caller is none. */
    public static String systemOf(Caller caller) {
        return caller.has(MONITORING_SYSTEM) ? caller.clientId() : null;
    }

    /** The firm a caller acts for (its client id), or null when the caller is no firm. */
    public static String firmOf(Caller caller) {
        return caller.has(THIRD_PARTY_FIRM) ? caller.clientId() : null;
    }

    // ---- hazards ----------------------------------------------------------------------------------------------------

    /**
     * Whether the caller may report a hazard at this establishment: an establishment not known from grid events only
     * by the city or the officer of the town given for it (400 {@code establishmentId}); otherwise only within the
     * caller's reach (403); an enterprise reports its own findings as a self-check only (400 {@code source}).
     * Nobody claims another source's provenance for a hazard they type in (400 {@code source}): THIRD_PARTY, SENSOR
     * and PUBLIC_REPORT come only through their own channels (firm batches, monitoring-system alerts, verified public
     * reports), and ENTERPRISE_SELF_CHECK — which can earn a major hazard the self-report exemption (H-3) — only from
     * the enterprise itself or the city (which enters the self-check reports filed with it); officers and inspectors
     * type GRID_PATROL, LAW_ENFORCEMENT or SUPERIOR_INSPECTION.
     *
     * @param townId       the establishment's town (the known one, else the one given)
     * @param departmentId the establishment's department, when known
     */
    public void checkReport(Caller caller, String establishmentId, boolean knownEstablishment, String townId,
                            String departmentId, String source) {
        boolean selfCheck = "ENTERPRISE_SELF_CHECK".equals(source);
        if (!knownEstablishment && !caller.has(CITY_ADMIN)
                && !(caller.has(TOWN_OFFICER) && townId != null && townId.equals(caller.townId()))) {
            throw new InvalidInputException("establishmentId", "unknown establishment: " + establishmentId);
        }
        if (!reaches(caller, establishmentId, townId, departmentId)) {
            throw new ForbiddenException("you may not report hazards for establishment " + establishmentId);
        }
        if (!caller.hasAny(CITY_ADMIN, TOWN_OFFICER, DEPARTMENT_OFFICER, INSPECTOR) && !selfCheck) {
            throw new InvalidInputException("source",
                    "an enterprise reports its own findings as ENTERPRISE_SELF_CHECK");
        }
        // last, so that a bad establishment or town is named first whatever the source
        if (CHANNEL_SOURCES.contains(source)) {
            throw new InvalidInputException("source", source + " hazards come through their own channel (firm "
                    + "batches, monitoring-system alerts, verified public reports), not typed in: use GRID_PATROL, "
                    + "LAW_ENFORCEMENT, SUPERIOR_INSPECTION or ENTERPRISE_SELF_CHECK");
        }
        if (selfCheck && !caller.hasAny(CITY_ADMIN, ENTERPRISE_OFFICER)) {
            throw new InvalidInputException("source", "ENTERPRISE_SELF_CHECK is the enterprise's own report: an "
                    + "officer or inspector records GRID_PATROL, LAW_ENFORCEMENT or SUPERIOR_INSPECTION");
        }
    }

    /** Whether the caller may act for this establishment (before a hazard of it exists). */
    private boolean reaches(Caller c, String establishmentId, String townId, String departmentId) {
        if (c.has(CITY_ADMIN)) {
            return true;
        }
        if (c.has(TOWN_OFFICER) && c.townId() != null && c.townId().equals(townId)) {
            return true;
        }
        if (c.has(DEPARTMENT_OFFICER) && c.departmentId() != null && c.departmentId().equals(departmentId)) {
            return true;
        }
        if (c.has(INSPECTOR) && c.inspectorId() != null
                && known.ofInspector(c.inspectorId()).contains(establishmentId)) {
            return true;
        }
        return c.has(ENTERPRISE_OFFICER) && establishmentId.equals(c.establishmentId());
    }

    /**
     * 部门报到: a transfer to a department is acknowledged by that department (or the city); a transfer to the
     * establishment only by the establishment, its town or the city.
     */
    public void checkAcknowledge(Caller caller, String transferredDepartmentId) {
        if (transferredDepartmentId != null) {
            if (!caller.has(CITY_ADMIN) && !(caller.has(DEPARTMENT_OFFICER)
                    && transferredDepartmentId.equals(caller.departmentId()))) {
                throw new ForbiddenException("only department " + transferredDepartmentId
                        + " acknowledges this transfer (部门报到)");
            }
        } else if (!caller.hasAny(CITY_ADMIN, TOWN_OFFICER, ENTERPRISE_OFFICER)) {
            throw new ForbiddenException("the establishment or its town acknowledges this transfer");
        }
    }

    /**
     * 审核把关销号: the supervising department signs off (or the city). Returns the department that signs, null when
     * the city does (the hazard then records its supervising department).
     */
    public String signOffDepartment(Caller caller, String supervisingDepartment) {
        if (caller.has(CITY_ADMIN)) {
            return null;
        }
        if (supervisingDepartment == null || !supervisingDepartment.equals(caller.departmentId())) {
            throw new ForbiddenException("only the supervising department signs off this hazard");
        }
        return caller.departmentId();
    }

    // ---- firms ------------------------------------------------------------------------------------------------------

    /** The firm whose contracts a list shows: the one asked for (or all) city-wide, else the caller's own. */
    public String contractsOf(Caller caller, String requestedFirmId) {
        return caller.cityWide() ? requestedFirmId : caller.clientId();
    }

    /** A firm's contract or quality record: city-wide readers and that firm reach it, everyone else gets 404. */
    public void checkFirmObject(Caller caller, String firmId, String what, String id) {
        if (!caller.cityWide() && !firmId.equals(caller.clientId())) {
            throw new NotFoundException(what, id);
        }
    }

    /**
     * The town whose part of a firm's contract report the caller reads: null for the whole report (city-wide readers,
     * the firm itself), the town officer's town; anyone else (another firm) gets 404.
     */
    public String contractReportTown(Caller caller, String firmId, String contractId) {
        if (caller.cityWide() || firmId.equals(firmOf(caller))) {
            return null;
        }
        if (caller.has(TOWN_OFFICER) && caller.townId() != null) {
            return caller.townId();
        }
        throw new NotFoundException("contract", contractId);
    }

    // ---- public reports ---------------------------------------------------------------------------------------------

    /** Whether the caller sees the public reports and rewards of every town (else only their own town's). */
    public boolean seesEveryTown(Caller caller) {
        return caller.cityWide();
    }

    /** A public report: city-wide readers and the officers of its town reach it, everyone else gets 404. */
    public void checkReportTown(Caller caller, String townId, String code) {
        if (!caller.cityWide() && !(caller.has(TOWN_OFFICER) && townId.equals(caller.townId()))) {
            throw new NotFoundException("report", code);
        }
    }

    /**
     * Whether the caller may see who reported (the whistle-blower's contact details): only those who verify the
     * report, the town officer of its town and the city admin; the read-only cockpit and everyone else may not.
     */
    public boolean seesReporter(Caller caller, String reportTownId) {
        return caller.has(CITY_ADMIN) || (caller.has(TOWN_OFFICER) && reportTownId != null
                && reportTownId.equals(caller.townId()));
    }

    /** A town officer verifies a public report into a hazard of their own town only; the city into any town. */
    public void checkVerifyInto(Caller caller, String reportTownId, String establishmentTownId) {
        if (!establishmentTownId.equals(reportTownId) && !caller.cityWide()) {
            throw new InvalidInputException("establishmentId", "the establishment is not in town " + reportTownId);
        }
    }
}
