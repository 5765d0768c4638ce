package org.liuhua.training.rates;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.certificate.Certificates;
import org.liuhua.training.establishment.KnownEstablishment;
import org.liuhua.training.establishment.KnownEstablishments;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.learning.Learning;
import org.liuhua.training.session.Sessions;
import org.liuhua.training.session.domain.SessionType;
import org.liuhua.training.staff.Staffs;
import org.liuhua.training.staff.domain.Staff;
import org.liuhua.training.staff.domain.StaffRole;
import org.liuhua.training.staff.domain.StaffStatus;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The policy targets as computed rates per establishment, town and month, over the establishments the caller sees:
 * shift briefings (班前班后五分钟, ≥ 40 % of the enterprises that file risk reports), quarterly lectures delivered by
 * the principal (一季一课, ≥ 90 %), certified roles on duty with a valid certificate (持证上岗, 100 %), training
 * person-times (session attendances), enterprises taking part in targeted learning (安全到岗, ≥ 80 %) and its
 * person-times in the year (≥ 300,000 city-wide).
 */
@Service
public class TrainingRates {

    /** One establishment's figures for a month. */
    public record EstablishmentRates(String establishmentId, String name, String townId, String kind,
                                     boolean inSessionBase, boolean shiftBriefing, boolean quarterlyLecture,
                                     int certifiedOnDuty, int certifiedValid, int personTimes,
                                     boolean learningParticipation, long learningPersonTimesYear) {
    }

    /** A town's (or the city's, townId null) rates for a month. */
    public record AreaRates(String townId, String month, int establishments, Rate shiftBriefing,
                            Rate quarterlyLecture, Rate certifiedOnDuty, long personTimes,
                            Rate learningParticipation, long learningPersonTimesYear,
                            Long learningPersonTimesTarget) {
    }

    private final KnownEstablishments establishments;
    private final Sessions sessions;
    private final Staffs staffs;
    private final Certificates certificates;
    private final Learning learning;
    private final CityCalendar calendar;
    private final TrainingProperties properties;

    TrainingRates(KnownEstablishments establishments, Sessions sessions, Staffs staffs, Certificates certificates,
                  Learning learning, CityCalendar calendar, TrainingProperties properties) {
        this.learning = learning;
        this.establishments = establishments;
        this.sessions = sessions;
        this.staffs = staffs;
        this.certificates = certificates;
        this.calendar = calendar;
        this.properties = properties;
    }

    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return calendar.monthOf(calendar.now());
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("month", "'" + text + "' is not a month (yyyy-MM)");
        }
    }

    public List<EstablishmentRates> establishments(YearMonth month, String townId, Scope scope) {
        List<KnownEstablishment> visible = visible(townId, scope);
        Set<String> ids = visible.stream().map(KnownEstablishment::id).collect(Collectors.toSet());
        Set<String> briefed = sessions.heldIn(SessionType.SHIFT_BRIEFING, month);
        Set<String> lectured = sessions.heldInQuarterUpTo(SessionType.QUARTERLY_LECTURE, month);
        Map<String, Integer> attendances = sessions.attendancesIn(month);
        Set<String> learners = learning.participatingIn(month);
        Map<String, Long> learningTimes = learning.personTimesIn(month.getYear());
        Query certifiedStaff = new Query(Criteria.where("status").is(StaffStatus.ACTIVE).and("role")
                .in(StaffRole.PRINCIPAL, StaffRole.SAFETY_MANAGER, StaffRole.SPECIAL_OPERATIONS));
        if (!scope.all() || townId != null) {
            certifiedStaff.addCriteria(Criteria.where("establishmentId").in(ids));
        }
        List<Staff> onDuty = staffs.find(certifiedStaff);
        LocalDate day = month.atEndOfMonth().isBefore(calendar.today()) ? month.atEndOfMonth() : calendar.today();
        Set<String> valid = certificates.validHolders(onDuty, day);
        Map<String, List<Staff>> onDutyBy = onDuty.stream().collect(Collectors.groupingBy(Staff::establishmentId));
        List<String> baseKinds = properties.sessions().baseKinds();
        List<EstablishmentRates> rows = new ArrayList<>();
        for (KnownEstablishment e : visible) {
            List<Staff> certified = onDutyBy.getOrDefault(e.id(), List.of());
            rows.add(new EstablishmentRates(e.id(), e.name(), e.townId(), e.kind(), baseKinds.contains(e.kind()),
                    briefed.contains(e.id()), lectured.contains(e.id()), certified.size(),
                    (int) certified.stream().filter(s -> valid.contains(s.id())).count(),
                    attendances.getOrDefault(e.id(), 0), learners.contains(e.id()),
                    learningTimes.getOrDefault(e.id(), 0L)));
        }
        rows.sort(Comparator.comparing(EstablishmentRates::townId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(EstablishmentRates::establishmentId));
        return rows;
    }

    public List<AreaRates> towns(YearMonth month, Scope scope) {
        Map<String, List<EstablishmentRates>> byTown = new LinkedHashMap<>();
        for (EstablishmentRates row : establishments(month, null, scope)) {
            byTown.computeIfAbsent(row.townId(), t -> new ArrayList<>()).add(row);
        }
        return byTown.entrySet().stream().map(e -> area(e.getKey(), month, e.getValue())).toList();
    }

    public AreaRates city(YearMonth month, Scope scope) {
        AreaRates city = area(null, month, establishments(month, null, scope));
        return new AreaRates(null, city.month(), city.establishments(), city.shiftBriefing(), city.quarterlyLecture(),
                city.certifiedOnDuty(), city.personTimes(), city.learningParticipation(),
                city.learningPersonTimesYear(), properties.learning().personTimesTarget());
    }

    private AreaRates area(String townId, YearMonth month, List<EstablishmentRates> rows) {
        List<EstablishmentRates> base = rows.stream().filter(EstablishmentRates::inSessionBase).toList();
        TrainingProperties.Sessions targets = properties.sessions();
        return new AreaRates(townId, month.toString(), rows.size(),
                Rate.of(base.stream().filter(EstablishmentRates::shiftBriefing).count(), base.size(),
                        targets.shiftBriefingTarget()),
                Rate.of(base.stream().filter(EstablishmentRates::quarterlyLecture).count(), base.size(),
                        targets.quarterlyLectureTarget()),
                Rate.of(rows.stream().mapToInt(EstablishmentRates::certifiedValid).sum(),
                        rows.stream().mapToInt(EstablishmentRates::certifiedOnDuty).sum(),
                        properties.certificates().onDutyTarget()),
                rows.stream().mapToLong(EstablishmentRates::personTimes).sum(),
                Rate.of(base.stream().filter(EstablishmentRates::learningParticipation).count(), base.size(),
                        properties.learning().participationTarget()),
                rows.stream().mapToLong(EstablishmentRates::learningPersonTimesYear).sum(), null);
    }

    private List<KnownEstablishment> visible(String townId, Scope scope) {
        Criteria criteria = townId == null ? null : Criteria.where("townId").is(townId);
        if (!scope.all()) {
            Criteria mine = Criteria.where("_id").in(scope.establishments());
            criteria = criteria == null ? mine : new Criteria().andOperator(criteria, mine);
        }
        return establishments.where(criteria);
    }
}
