package org.liuhua.grid.cluster.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.liuhua.events.grid.ClusterAssessed;
import org.liuhua.events.grid.ClusterChanged;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;

/**
 * An industrial cluster (工业集中区) with its member enterprises and their assessments (G-8). A member passes with a
 * passing latest signed-off assessment (an assessment counts only once the town safety office signed it off); the
 * cluster is standardised when at least the threshold share of members pass. Registering the cluster and adding or
 * removing a member register {@link ClusterChanged}; a sign-off registers {@link ClusterAssessed}.
 */
public class Cluster extends AggregateRoot {

    private String id;
    private String name;
    private String townId;
    private List<String> memberIds = new ArrayList<>();
    private List<Assessment> assessments = new ArrayList<>();

    Cluster() {
    }

    public static Cluster create(String id, String name, String townId, List<String> memberIds, String by,
                                 Instant now, int thresholdPercent) {
        Cluster cluster = new Cluster();
        cluster.id = id;
        cluster.name = name;
        cluster.townId = townId;
        cluster.memberIds = new ArrayList<>(new LinkedHashSet<>(memberIds));
        cluster.changed("CREATED", null, by, now, thresholdPercent);
        return cluster;
    }

    /** Same content as a cluster made from a re-sent request (members compared in order, without repeats). */
    public boolean sameAs(Cluster other) {
        return Objects.equals(name, other.name) && Objects.equals(townId, other.townId)
                && Objects.equals(List.copyOf(new LinkedHashSet<>(memberIds)),
                List.copyOf(new LinkedHashSet<>(other.memberIds)));
    }

    /** Adds a member (checked by the caller to lie in the cluster's town); a member already there is a no-op. */
    public boolean addMember(String establishmentId, String by, Instant now, int thresholdPercent) {
        if (memberIds.contains(establishmentId)) {
            return false;
        }
        memberIds.add(establishmentId);
        changed("MEMBER_ADDED", establishmentId, by, now, thresholdPercent);
        return true;
    }

    /** Removes a member (its assessments are kept, no longer counted); not a member: 404. */
    public boolean removeMember(String establishmentId, String by, Instant now, int thresholdPercent) {
        if (!memberIds.remove(establishmentId)) {
            throw new NotFoundException("member", establishmentId);
        }
        changed("MEMBER_REMOVED", establishmentId, by, now, thresholdPercent);
        return true;
    }

    private void changed(String change, String establishmentId, String by, Instant now, int thresholdPercent) {
        registerEvent(new ClusterChanged(id, name, townId, change, establishmentId, List.copyOf(memberIds),
                memberIds.size(), passingMembers(), standardised(thresholdPercent), by, now));
    }

    /**
     * Records an assessment, not yet counted. The same assessment again is a no-op: by its id when the caller chose
     * it ({@code callerChoseId}; that id with other content is a conflict), else by member, date, result and items.
     */
    public boolean assess(Assessment assessment, boolean callerChoseId) {
        identifyLegacy();
        if (!memberIds.contains(assessment.establishmentId())) {
            throw new InvalidInputException("establishmentId", assessment.establishmentId() + " is not a member of "
                    + id);
        }
        for (Assessment a : assessments) {
            boolean sameId = a.assessmentId() != null && a.assessmentId().equals(assessment.assessmentId());
            boolean sameContent = a.establishmentId().equals(assessment.establishmentId())
                    && a.assessedAt().equals(assessment.assessedAt()) && a.passed() == assessment.passed()
                    && a.failedItems().equals(assessment.failedItems());
            if (sameId && !sameContent) {
                throw new ConflictException("assessment " + assessment.assessmentId() + " exists with different content");
            }
            if (sameId || (!callerChoseId && sameContent)) {
                return false;
            }
        }
        assessments.add(assessment);
        return true;
    }

    /**
     * The town safety office signs an assessment off; from then on it counts. The assessor cannot sign off their own
     * assessment (409 {@code SELF_SIGN_OFF}); a signed assessment stays as signed (again: no-op); an assessment of an
     * enterprise that left the cluster cannot be signed (409 {@code NOT_A_MEMBER}).
     */
    public boolean signOff(String assessmentId, String signer, Instant now, int thresholdPercent) {
        identifyLegacy();
        int index = -1;
        for (int i = 0; i < assessments.size(); i++) {
            if (assessmentId.equals(assessments.get(i).assessmentId())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException("assessment", assessmentId);
        }
        Assessment assessment = assessments.get(index);
        if (assessment.signedOff()) {
            return false;
        }
        if (signer.equals(assessment.assessor())) {
            throw new ConflictException("the assessor cannot sign off their own assessment", "SELF_SIGN_OFF",
                    List.of());
        }
        if (!memberIds.contains(assessment.establishmentId())) {
            throw new ConflictException(assessment.establishmentId() + " is no longer a member of " + id,
                    "NOT_A_MEMBER", List.of());
        }
        Assessment signed = assessment.signOff(signer, now);
        assessments.set(index, signed);
        registerEvent(new ClusterAssessed(id, signed.establishmentId(), townId, signed.passed(),
                signed.failedItems(), signed.assessedAt(), signed.assessor(), memberIds.size(), passingMembers(),
                standardised(thresholdPercent), signed.assessmentId(), signer, now));
        return true;
    }

    /**
     * An establishment now names this cluster ({@code joined}) or no longer does: the member list follows it (the
     * establishment's own event records the change). Returns whether the list changed.
     */
    public boolean member(String establishmentId, boolean joined) {
        if (joined == memberIds.contains(establishmentId)) {
            return false;
        }
        if (joined) {
            memberIds.add(establishmentId);
        } else {
            memberIds.remove(establishmentId);
        }
        return true;
    }

    /** The latest signed-off assessment of a member (by assessment date), or null. */
    public Assessment current(String establishmentId) {
        Assessment latest = null;
        for (Assessment a : assessments) {
            if (a.signedOff() && a.establishmentId().equals(establishmentId)
                    && (latest == null || !a.assessedAt().isBefore(latest.assessedAt()))) {
                latest = a;
            }
        }
        return latest;
    }

    /**
     * Assessments recorded before sign-off existed have no id: they get {@code legacy-<position>} (stable, the list
     * only grows), so the town can sign them off; written with the next change of the cluster.
     */
    private void identifyLegacy() {
        for (int i = 0; i < assessments.size(); i++) {
            Assessment a = assessments.get(i);
            if (a.assessmentId() == null) {
                assessments.set(i, new Assessment(a.establishmentId(), a.passed(), a.failedItems(), a.assessedAt(),
                        a.assessor(), a.recordedAt(), a.checklistItemCodes(), "legacy-" + i, a.signedOffBy(),
                        a.signedOffAt()));
            }
        }
    }

    /** The assessments of current members not yet signed off, in the order recorded. */
    public List<Assessment> pending() {
        identifyLegacy();
        return assessments.stream().filter(a -> !a.signedOff() && memberIds.contains(a.establishmentId())).toList();
    }

    public int passingMembers() {
        return (int) memberIds.stream().map(this::current).filter(a -> a != null && a.passed()).count();
    }

    public boolean standardised(int thresholdPercent) {
        return !memberIds.isEmpty() && passingMembers() * 100 >= thresholdPercent * memberIds.size();
    }

    /** The share of passing members, to four decimals (0 without members). */
    public double passRate() {
        return memberIds.isEmpty() ? 0.0 : Math.round(10000.0 * passingMembers() / memberIds.size()) / 10000.0;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String townId() { return townId; }
    public List<String> memberIds() { return List.copyOf(memberIds); }
    public List<Assessment> assessments() { return List.copyOf(assessments); }
}
