package org.liuhua.training.staff.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.liuhua.events.training.InductionRecorded;
import org.liuhua.events.training.StaffChanged;
import org.liuhua.events.training.StaffRegistered;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A person on an establishment's staff (T-1) with their post history and their induction records (T-2). The id is
 * derived from the establishment and the natural key (employee number, else the hashed national ID), so entering the
 * same person twice — a re-imported spreadsheet — finds the same record. Personal data is minimised: the national ID
 * only as a keyed hash and a masked form.
 *
 * <p>"先培训、再上岗": {@link #missingLevels()} lists the induction levels still to pass — all three after hiring, the
 * configured ones again after a post or process change (counting only inductions recorded after the change: the
 * re-induction may be held before the new post starts, "先培训、再上岗"). An ACTIVE person with missing levels is a violation.
 */
public class Staff extends org.liuhua.kit.domain.AggregateRoot {

    private String id;
    private String establishmentId;
    private String townId;
    private String naturalKey;
    private String employeeNo;
    private String name;
    private StaffRole role;
    private String post;
    private String workshop;
    private String team;
    private String process;
    private LocalDate hireDate;
    private StaffStatus status;
    private LocalDate leftOn;
    private String nationalIdHash;
    private String nationalIdMasked;
    private String phone;
    private List<PostChange> history = new ArrayList<>();
    private List<Induction> inductions = new ArrayList<>();
    private List<InductionLevel> requiredLevels = new ArrayList<>();
    private LocalDate inductionDueSince;
    private Instant inductionDueRecordedAt;
    private List<InductionLevel> missingLevels = new ArrayList<>();
    private Instant registeredAt;
    private Instant changedAt;

    Staff() {
    }

    /** The record id of a person: the establishment plus the employee number, or plus the ID hash's first digits. */
    public static String idFor(String establishmentId, String employeeNo, String nationalIdHash) {
        return employeeNo != null ? establishmentId + "-" + employeeNo
                : establishmentId + "-id" + nationalIdHash.substring(0, 16);
    }

    public static Staff register(String establishmentId, String townId, StaffDraft draft, IdentityNumber identity,
                                 Instant now, String by) {
        List<FieldProblem> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Staff s = new Staff();
        s.establishmentId = establishmentId;
        s.townId = townId;
        s.employeeNo = draft.employeeNo();
        s.nationalIdHash = identity == null ? null : identity.hash();
        s.nationalIdMasked = identity == null ? null : identity.masked();
        s.id = idFor(establishmentId, s.employeeNo, s.nationalIdHash);
        s.naturalKey = s.id;
        s.applyDetails(draft);
        s.role = draft.staffRole();
        s.post = draft.post();
        s.workshop = draft.workshop();
        s.team = draft.team();
        s.process = draft.process();
        s.status = StaffStatus.ACTIVE;
        s.registeredAt = now;
        s.changedAt = now;
        s.requiredLevels = new ArrayList<>(List.of(InductionLevel.values()));
        s.inductionDueSince = null;
        s.history.add(new PostChange("HIRED", s.hireDate, s.role, s.post, s.workshop, s.team, s.process, null, now,
                by));
        s.recomputeMissing();
        s.registerEvent(new StaffRegistered(s.id, establishmentId, townId, s.role.name(), s.post, s.workshop,
                s.hireDate, s.missingNames(), now));
        return s;
    }

    /**
     * Brings the record in line with a re-entered draft (form or spreadsheet): details are corrected, a changed role
     * or post/workshop/team or process is a post change effective {@code today}.
     *
     * @return whether anything changed
     */
    public boolean update(StaffDraft draft, IdentityNumber identity, LocalDate today, List<InductionLevel> reinduction,
                          Instant now, String by) {
        List<FieldProblem> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean detailsChanged = !Objects.equals(name, draft.name()) || !Objects.equals(hireDate, draft.hireDate())
                || (draft.phone() != null && !Objects.equals(phone, draft.phone()))
                || (identity != null && !Objects.equals(nationalIdHash, identity.hash()));
        boolean postChanged = draft.staffRole() != role || !Objects.equals(post, draft.post())
                || !Objects.equals(workshop, draft.workshop()) || !Objects.equals(team, draft.team());
        boolean processChanged = !Objects.equals(process, draft.process());
        if (!detailsChanged && !postChanged && !processChanged) {
            return false;
        }
        applyDetails(draft);
        if (identity != null) {
            nationalIdHash = identity.hash();
            nationalIdMasked = identity.masked();
        }
        if (postChanged || processChanged) {
            changePost(draft.staffRole(), draft.post(), draft.workshop(), draft.team(), draft.process(), today, null,
                    reinduction, now, by);
        } else {
            changedAt = now;
            registerEvent(changed("DETAILS", today, now));
        }
        return true;
    }

    /**
     * 调换工种 / 采用新工艺 / a new role: kept in the history; the configured induction levels are due again.
     */
    public void changePost(StaffRole newRole, String newPost, String newWorkshop, String newTeam, String newProcess,
                           LocalDate effectiveOn, String note, List<InductionLevel> reinduction, Instant now,
                           String by) {
        requireActive("change the post");
        List<FieldProblem> problems = new ArrayList<>();
        if (newPost == null || newPost.isBlank()) {
            problems.add(new FieldProblem("post", "is required"));
        }
        if (effectiveOn == null) {
            problems.add(new FieldProblem("effectiveOn", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StaffRole targetRole = newRole == null ? role : newRole;
        boolean postChanged = !Objects.equals(post, newPost) || !Objects.equals(workshop, newWorkshop)
                || !Objects.equals(team, newTeam);
        boolean processChanged = !Objects.equals(process, newProcess);
        String kind = postChanged ? "POST" : processChanged ? "PROCESS" : targetRole != role ? "ROLE" : null;
        if (kind == null) {
            throw new InvalidInputException("post", "is the current post, workshop, team and process already");
        }
        role = targetRole;
        post = newPost;
        workshop = newWorkshop;
        team = newTeam;
        process = newProcess;
        changedAt = now;
        history.add(new PostChange(kind, effectiveOn, role, post, workshop, team, process, note, now, by));
        if (!kind.equals("ROLE")) {
            requiredLevels = new ArrayList<>(reinduction);
            inductionDueSince = effectiveOn;
            inductionDueRecordedAt = now;
        }
        recomputeMissing();
        registerEvent(changed(kind, effectiveOn, now));
    }

    public void leave(LocalDate on, String note, Instant now, String by) {
        requireActive("leave");
        if (on == null) {
            throw new InvalidInputException("leftOn", "is required");
        }
        status = StaffStatus.LEFT;
        leftOn = on;
        changedAt = now;
        history.add(new PostChange("LEFT", on, role, post, workshop, team, process, note, now, by));
        registerEvent(changed("LEFT", on, now));
    }

    /** What is missing or out of range in an induction record, by field. */
    public static List<FieldProblem> inductionProblems(InductionLevel level, LocalDate heldOn, Double hours,
                                                       String trainer, Integer theoryScore, Integer practicalScore) {
        List<FieldProblem> problems = new ArrayList<>();
        if (level == null) {
            problems.add(new FieldProblem("level", "is required: COMPANY, WORKSHOP or TEAM"));
        }
        if (heldOn == null) {
            problems.add(new FieldProblem("heldOn", "is required"));
        }
        if (hours == null || hours <= 0 || hours > 200) {
            problems.add(new FieldProblem("hours", "is required, more than 0 and at most 200"));
        }
        if (trainer == null || trainer.isBlank()) {
            problems.add(new FieldProblem("trainer", "is required"));
        }
        if (theoryScore == null || theoryScore < 0 || theoryScore > 100) {
            problems.add(new FieldProblem("theoryScore", "is required, 0 to 100"));
        }
        if (practicalScore == null || practicalScore < 0 || practicalScore > 100) {
            problems.add(new FieldProblem("practicalScore", "is required, 0 to 100"));
        }
        return problems;
    }

    /**
     * Whether an induction with exactly these values is recorded already: a re-sent batch of induction cards
     * ({@code POST /api/v1/training/staff/inductions/batch}) records nothing twice.
     */
    public boolean holdsInduction(InductionLevel level, LocalDate heldOn, double hours, String trainer,
                                  int theoryScore, int practicalScore) {
        return inductions.stream().anyMatch(i -> i.level() == level && i.heldOn().equals(heldOn)
                && i.hours() == hours && i.trainer().equals(trainer.trim()) && i.theoryScore() == theoryScore
                && i.practicalScore() == practicalScore);
    }

    /** Records one induction level; it passes with both scores at least the pass score and the minimum hours. */
    public Induction recordInduction(InductionLevel level, LocalDate heldOn, Double hours, String trainer,
                                     Integer theoryScore, Integer practicalScore, InductionRules rules, Instant now,
                                     String by) {
        List<FieldProblem> problems = inductionProblems(level, heldOn, hours, trainer, theoryScore, practicalScore);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireActive("record an induction");
        List<String> shortfalls = new ArrayList<>();
        if (hours < rules.minimumHours(level)) {
            shortfalls.add("hours " + hours + " below the minimum of " + rules.minimumHours(level) + " for " + level);
        }
        if (theoryScore < rules.passScore()) {
            shortfalls.add("theory score " + theoryScore + " below " + rules.passScore());
        }
        if (practicalScore < rules.passScore()) {
            shortfalls.add("practical score " + practicalScore + " below " + rules.passScore());
        }
        Induction induction = new Induction(id + ":" + level + ":" + (inductions.size() + 1), level, heldOn, hours,
                trainer.trim(), theoryScore, practicalScore, shortfalls.isEmpty(), shortfalls, now, by);
        inductions.add(induction);
        changedAt = now;
        recomputeMissing();
        registerEvent(new InductionRecorded(induction.id(), id, establishmentId, townId, level.name(), heldOn, hours,
                induction.passed(), missingLevels.isEmpty(), now));
        return induction;
    }

    private void recomputeMissing() {
        Set<InductionLevel> passed = EnumSet.noneOf(InductionLevel.class);
        for (Induction i : inductions) {
            boolean counts = inductionDueRecordedAt == null || i.recordedAt().isAfter(inductionDueRecordedAt);
            if (i.passed() && counts) {
                passed.add(i.level());
            }
        }
        missingLevels = new ArrayList<>(requiredLevels.stream().filter(l -> !passed.contains(l)).sorted().toList());
    }

    private void applyDetails(StaffDraft draft) {
        name = draft.name();
        hireDate = draft.hireDate();
        if (draft.phone() != null) {
            phone = draft.phone();
        }
    }

    private void requireActive(String action) {
        if (status != StaffStatus.ACTIVE) {
            throw new ConflictException("cannot " + action + ": " + id + " has left the establishment",
                    status.name(), List.of());
        }
    }

    private StaffChanged changed(String kind, LocalDate effectiveOn, Instant now) {
        return new StaffChanged(id, establishmentId, townId, kind, role.name(), post, workshop, status.name(),
                effectiveOn, missingNames(), now);
    }

    private List<String> missingNames() {
        return missingLevels.stream().map(Enum::name).toList();
    }

    /** Whether this person works without all required induction levels passed (先培训、再上岗). */
    public boolean inductionViolation() {
        return status == StaffStatus.ACTIVE && !missingLevels.isEmpty();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String establishmentId() { return establishmentId; }
    public String townId() { return townId; }
    public String employeeNo() { return employeeNo; }
    public String name() { return name; }
    public StaffRole role() { return role; }
    public String post() { return post; }
    public String workshop() { return workshop; }
    public String team() { return team; }
    public String process() { return process; }
    public LocalDate hireDate() { return hireDate; }
    public StaffStatus status() { return status; }
    public LocalDate leftOn() { return leftOn; }
    public String nationalIdMasked() { return nationalIdMasked; }
    public String phone() { return phone; }
    public List<PostChange> history() { return List.copyOf(history); }
    public List<Induction> inductions() { return List.copyOf(inductions); }
    public List<InductionLevel> missingLevels() { return List.copyOf(missingLevels); }
    public LocalDate inductionDueSince() { return inductionDueSince; }
    public Instant registeredAt() { return registeredAt; }
    public Instant changedAt() { return changedAt; }
}
