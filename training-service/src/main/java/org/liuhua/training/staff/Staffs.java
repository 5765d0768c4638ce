package org.liuhua.training.staff;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.Spreadsheets;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.establishment.KnownEstablishment;
import org.liuhua.training.establishment.KnownEstablishments;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.staff.domain.IdentityNumber;
import org.liuhua.training.staff.domain.Induction;
import org.liuhua.training.staff.domain.InductionLevel;
import org.liuhua.training.staff.domain.InductionRules;
import org.liuhua.training.staff.domain.Staff;
import org.liuhua.training.staff.domain.StaffDraft;
import org.liuhua.training.staff.domain.StaffRole;
import org.liuhua.training.staff.domain.StaffStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The staff registry's use cases (T-1, T-2): register one person, import many (spreadsheet or JSON batch, re-import
 * changes nothing), change a post, leave, record inductions; read within the caller's scope (404 outside).
 */
@Service
public class Staffs {

    /** The template's columns, in order (also the JSON field names). */
    public static final List<Spreadsheets.Column> COLUMNS = List.of(
            new Spreadsheets.Column("employeeNo", "工号"), new Spreadsheets.Column("name", "姓名"),
            new Spreadsheets.Column("role", "人员类别"), new Spreadsheets.Column("post", "岗位"),
            new Spreadsheets.Column("workshop", "车间"), new Spreadsheets.Column("team", "班组"),
            new Spreadsheets.Column("process", "工艺"), new Spreadsheets.Column("hireDate", "入职日期"),
            new Spreadsheets.Column("nationalId", "身份证号"), new Spreadsheets.Column("phone", "手机号"));

    private final AggregateStore<Staff> store;
    private final KnownEstablishments establishments;
    private final PersonalData personalData;
    private final CityCalendar calendar;
    private final TrainingProperties properties;
    private final InductionRules inductionRules;

    Staffs(AggregateStore<Staff> store, KnownEstablishments establishments, PersonalData personalData,
           CityCalendar calendar, TrainingProperties properties) {
        this.store = store;
        this.establishments = establishments;
        this.personalData = personalData;
        this.calendar = calendar;
        this.properties = properties;
        Map<InductionLevel, Double> hours = new HashMap<>();
        properties.induction().minimumHours().forEach((level, h) -> hours.put(InductionLevel.valueOf(level), h));
        this.inductionRules = new InductionRules(hours, properties.induction().passScore(),
                properties.induction().reinductionLevels().stream().map(InductionLevel::valueOf).toList());
    }

    public InductionRules inductionRules() {
        return inductionRules;
    }

    /** The establishment a caller keeps records of: known from grid events and within their scope, else 404/400. */
    public KnownEstablishment keptEstablishment(String establishmentId, Scope scope) {
        if (establishmentId == null || establishmentId.isBlank()) {
            throw new InvalidInputException("establishmentId", "is required");
        }
        if (!scope.covers(establishmentId) || !scope.mayKeep(establishmentId)) {
            throw new NotFoundException("establishment", establishmentId);
        }
        return establishments.find(establishmentId).orElseThrow(() -> new InvalidInputException("establishmentId",
                "establishment " + establishmentId + " is not known (not announced by grid-service)"));
    }

    public Staff register(String establishmentId, StaffDraft draft, Scope scope, Caller by) {
        KnownEstablishment establishment = keptEstablishment(establishmentId, scope);
        Staff staff = Staff.register(establishment.id(), establishment.townId(), draft,
                personalData.identity(draft.nationalId()), calendar.now(), by.signature());
        try {
            return store.insert(staff);
        } catch (DuplicateKeyException duplicate) {
            throw new org.liuhua.kit.domain.ConflictException("staff " + staff.id() + " is registered already; "
                    + "change it with PUT /api/v1/training/staff/" + staff.id(), "REGISTERED", List.of("PUT"));
        }
    }

    public Staff update(String id, StaffDraft draft, Scope scope, Caller by) {
        Staff current = get(id, scope);
        keptEstablishment(current.establishmentId(), scope);
        if (draft.employeeNo() != null && !draft.employeeNo().equals(current.employeeNo())) {
            throw new InvalidInputException("employeeNo", "cannot change (it identifies the record)");
        }
        return store.change(id, "staff", s -> {
            s.update(draft, personalData.identity(draft.nationalId()), calendar.today(),
                    inductionRules.reinductionLevels(), calendar.now(), by.signature());
            return s;
        });
    }

    /** Imports a spreadsheet: good rows kept, each bad cell reported with its row and column. */
    public ImportReport importSpreadsheet(String establishmentId, String filename, InputStream in, Scope scope,
                                          Caller by) {
        KnownEstablishment establishment = keptEstablishment(establishmentId, scope);
        List<Spreadsheets.SheetRow> rows = Spreadsheets.read(filename, in, COLUMNS,
                properties.imports().maxRows());
        return importRows(establishment, rows, by);
    }

    /** Imports JSON items the same way (row = position in the list + 1). */
    public ImportReport importBatch(String establishmentId, List<Map<String, String>> items, Scope scope, Caller by) {
        KnownEstablishment establishment = keptEstablishment(establishmentId, scope);
        if (items.size() > properties.imports().maxRows()) {
            throw new InvalidInputException("items", "at most " + properties.imports().maxRows() + " per batch");
        }
        List<Spreadsheets.SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(new Spreadsheets.SheetRow(i + 1, items.get(i), Map.of()));
        }
        return importRows(establishment, rows, by);
    }

    private ImportReport importRows(KnownEstablishment establishment, List<Spreadsheets.SheetRow> rows, Caller by) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Spreadsheets.SheetRow row : rows) {
            List<FieldProblem> problems = new ArrayList<>();
            String hireText = row.get("hireDate");
            var hireDate = Spreadsheets.date(hireText);
            if (hireText != null && hireDate == null) {
                problems.add(new FieldProblem("hireDate", "'" + hireText + "' is not a date (yyyy-MM-dd)"));
            }
            StaffDraft draft = new StaffDraft(row.get("employeeNo"), row.get("name"), row.get("role"),
                    row.get("post"), row.get("workshop"), row.get("team"), row.get("process"), hireDate,
                    row.get("nationalId"), row.get("phone"));
            draft.problems().stream().filter(p -> !(p.field().equals("hireDate") && hireText != null))
                    .forEach(problems::add);
            IdentityNumber identity = personalData.identity(draft.nationalId());
            if (problems.isEmpty()) {
                String id = Staff.idFor(establishment.id(), draft.employeeNo(), identity == null ? null
                        : identity.hash());
                Integer earlier = seen.putIfAbsent(id, row.rowNumber());
                if (earlier != null) {
                    problems.add(new FieldProblem(draft.employeeNo() != null ? "employeeNo" : "nationalId",
                            "the same person as row " + earlier));
                }
            }
            if (!problems.isEmpty()) {
                rejected++;
                problems.forEach(p -> errors.add(new ImportReport.RowError(row.rowNumber(), row.letter(p.field()),
                        p.field(), p.message())));
                continue;
            }
            switch (upsert(establishment, draft, identity, by)) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                default -> unchanged++;
            }
        }
        return new ImportReport(rows.size(), created, updated, unchanged, rejected, errors);
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    private Outcome upsert(KnownEstablishment establishment, StaffDraft draft, IdentityNumber identity, Caller by) {
        String id = Staff.idFor(establishment.id(), draft.employeeNo(), identity == null ? null : identity.hash());
        if (store.findById(id).isEmpty()) {
            try {
                store.insert(Staff.register(establishment.id(), establishment.townId(), draft, identity,
                        calendar.now(), by.signature()));
                return Outcome.CREATED;
            } catch (DuplicateKeyException concurrent) {
                // registered meanwhile: compare with it below
            }
        }
        Object result = store.change(id, "staff", s -> s.status() == StaffStatus.ACTIVE
                && s.update(draft, identity, calendar.today(), inductionRules.reinductionLevels(), calendar.now(),
                by.signature()) ? Boolean.TRUE : AggregateStore.NO_CHANGE);
        return result == Boolean.TRUE ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    public Staff changePost(String id, StaffRole role, String post, String workshop, String team, String process,
                            java.time.LocalDate effectiveOn, String note, Scope scope, Caller by) {
        Staff current = get(id, scope);
        keptEstablishment(current.establishmentId(), scope);
        return store.change(id, "staff", s -> {
            s.changePost(role, post, workshop, team, process, effectiveOn == null ? calendar.today() : effectiveOn,
                    note, inductionRules.reinductionLevels(), calendar.now(), by.signature());
            return s;
        });
    }

    public Staff leave(String id, java.time.LocalDate leftOn, String note, Scope scope, Caller by) {
        Staff current = get(id, scope);
        keptEstablishment(current.establishmentId(), scope);
        return store.change(id, "staff", s -> {
            s.leave(leftOn == null ? calendar.today() : leftOn, note, calendar.now(), by.signature());
            return s;
        });
    }

    public Induction recordInduction(String id, InductionLevel level, java.time.LocalDate heldOn, Double hours,
                                     String trainer, Integer theory, Integer practical, Scope scope, Caller by) {
        Staff current = get(id, scope);
        keptEstablishment(current.establishmentId(), scope);
        return store.change(id, "staff", s -> s.recordInduction(level, heldOn, hours, trainer, theory, practical,
                inductionRules, calendar.now(), by.signature()));
    }

    /**
     * Records a batch of induction cards of one establishment (三级教育卡, e.g. a class of new hires): each item names
     * its person by {@code staffId} or {@code employeeNo}. Each bad item is reported by its number and field and the
     * good ones are kept; an item recorded already with the same values is unchanged, so a re-sent batch records
     * nothing twice. One write per person, with the events of one {@code POST …/{id}/inductions} per item.
     */
    public ImportReport recordInductions(String establishmentId, List<Map<String, String>> items, Scope scope,
                                         Caller by) {
        KnownEstablishment establishment = keptEstablishment(establishmentId, scope);
        if (items.size() > properties.imports().maxRows()) {
            throw new InvalidInputException("items", "at most " + properties.imports().maxRows() + " per batch");
        }
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, List<InductionCard>> byStaff = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, String> values = items.get(i) == null ? Map.of() : items.get(i);
            InductionCard card = InductionCard.read(i + 1, new Spreadsheets.SheetRow(i + 1, values, Map.of()),
                    establishment.id());
            if (card.problems().isEmpty()) {
                byStaff.computeIfAbsent(card.staffId(), k -> new ArrayList<>()).add(card);
            } else {
                card.problems().forEach(p -> errors.add(new ImportReport.RowError(card.item(), "?", p.field(),
                        p.message())));
            }
        }
        int recorded = 0;
        int unchanged = 0;
        for (Map.Entry<String, List<InductionCard>> entry : byStaff.entrySet()) {
            List<InductionCard> cards = entry.getValue();
            String id = entry.getKey();
            int[] added = {0};
            try {
                // one read and at most one write per person: the checks are made on the copy that is changed
                store.change(id, "staff", s -> {
                    if (!s.establishmentId().equals(establishment.id())) {
                        throw new NotFoundException("staff", id);
                    }
                    if (s.status() != StaffStatus.ACTIVE) {
                        throw new ConflictException("staff member " + id + " has left the establishment");
                    }
                    added[0] = 0;
                    for (InductionCard c : cards) {
                        if (!s.holdsInduction(c.level(), c.heldOn(), c.hours(), c.trainer(), c.theoryScore(),
                                c.practicalScore())) {
                            s.recordInduction(c.level(), c.heldOn(), c.hours(), c.trainer(), c.theoryScore(),
                                    c.practicalScore(), inductionRules, calendar.now(), by.signature());
                            added[0]++;
                        }
                    }
                    return added[0] > 0 ? s : AggregateStore.NO_CHANGE;
                });
            } catch (NotFoundException | ConflictException refused) {
                // nobody of that id at this establishment, or a person who left: their cards are refused, the other
                // people's are kept
                String message = refused instanceof NotFoundException ? "no staff member " + id
                        + " at establishment " + establishment.id() : refused.getMessage();
                cards.forEach(c -> errors.add(new ImportReport.RowError(c.item(), "?", c.reference(), message)));
                continue;
            }
            recorded += added[0];
            unchanged += cards.size() - added[0];
        }
        errors.sort(java.util.Comparator.comparingInt(ImportReport.RowError::row));
        int rejected = (int) errors.stream().mapToInt(ImportReport.RowError::row).distinct().count();
        return new ImportReport(items.size(), recorded, 0, unchanged, rejected, errors);
    }

    /** One item of {@link #recordInductions}, read from text with a problem per bad field. */
    private record InductionCard(int item, String staffId, String reference, InductionLevel level,
                                 java.time.LocalDate heldOn, Double hours, String trainer, Integer theoryScore,
                                 Integer practicalScore, List<FieldProblem> problems) {

        static InductionCard read(int item, Spreadsheets.SheetRow row, String establishmentId) {
            List<FieldProblem> problems = new ArrayList<>();
            String staffId = row.get("staffId");
            String employeeNo = row.get("employeeNo");
            String reference = staffId != null ? "staffId" : "employeeNo";
            if (staffId == null && employeeNo == null) {
                problems.add(new FieldProblem("employeeNo", "is required (or staffId)"));
            } else if (staffId == null) {
                staffId = Staff.idFor(establishmentId, employeeNo, null);
            }
            String levelText = row.get("level");
            InductionLevel level = levelText == null ? null : InductionLevel.parse(levelText);
            if (levelText != null && level == null) {
                problems.add(new FieldProblem("level", InductionLevel.notALevel(levelText)));
            }
            String heldText = row.get("heldOn");
            java.time.LocalDate heldOn = Spreadsheets.date(heldText);
            if (heldText != null && heldOn == null) {
                problems.add(new FieldProblem("heldOn", "'" + heldText + "' is not a date (yyyy-MM-dd)"));
            }
            Double hours = number(row, "hours", problems, text -> {
                double value = Double.parseDouble(text);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException(text);
                }
                return value;
            });
            Integer theory = number(row, "theoryScore", problems, Integer::valueOf);
            Integer practical = number(row, "practicalScore", problems, Integer::valueOf);
            String trainer = row.get("trainer");
            // the limits of a single induction, for the fields that were read
            Set<String> unread = new HashSet<>();
            problems.forEach(p -> unread.add(p.field()));
            Staff.inductionProblems(level, heldOn, hours, trainer, theory, practical).stream()
                    .filter(p -> !unread.contains(p.field())).forEach(problems::add);
            return new InductionCard(item, staffId, reference, level, heldOn, hours, trainer, theory, practical,
                    problems);
        }

        private static <T> T number(Spreadsheets.SheetRow row, String field, List<FieldProblem> problems,
                                    java.util.function.Function<String, T> parse) {
            String text = row.get(field);
            if (text == null) {
                return null;
            }
            try {
                return parse.apply(text);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(field, "'" + text + "' is not a number"));
                return null;
            }
        }
    }

    /** One person within the caller's scope; 404 outside it. */
    public Staff get(String id, Scope scope) {
        Staff staff = store.get(id, "staff");
        if (!scope.covers(staff.establishmentId(), staff.id())) {
            throw new NotFoundException("staff", id);
        }
        return staff;
    }

    public Page<Staff> list(StaffFilter filter, Scope scope, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        Criteria scoped = scope.criteria("establishmentId", "_id");
        if (scoped != null) {
            all.add(scoped);
        }
        if (filter.establishmentId() != null) {
            all.add(Criteria.where("establishmentId").is(filter.establishmentId()));
        }
        if (filter.townId() != null) {
            all.add(Criteria.where("townId").is(filter.townId()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(parse(StaffStatus.class, "status", filter.status())));
        }
        if (filter.role() != null) {
            StaffRole role = StaffRole.parse(filter.role());
            if (role == null) {
                throw new InvalidInputException("role", "'" + filter.role() + "' is not a staff role");
            }
            all.add(Criteria.where("role").is(role));
        }
        if (filter.post() != null) {
            all.add(Criteria.where("post").is(filter.post()));
        }
        Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        return store.page(query, pageable);
    }

    /** Staff matching a query (for other features' use cases: exams, rates, violations). */
    public List<Staff> find(Query query) {
        return store.find(query);
    }

    public List<Staff> active(String establishmentId) {
        return store.find(new Query(Criteria.where("establishmentId").is(establishmentId).and("status")
                .is(StaffStatus.ACTIVE)));
    }

    public Instant now() {
        return calendar.now();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
