package org.liuhua.grid.cluster.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.liuhua.events.grid.ClusterAssessed;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * An industrial cluster (工业集中区) with its member enterprises and their assessments (G-8). A member passes with a
 * passing latest assessment; the cluster is standardised when at least the threshold share of members pass. Each
 * recorded assessment registers {@link ClusterAssessed}.
 */
public class Cluster extends AggregateRoot {

    private String id;
    private String name;
    private String townId;
    private List<String> memberIds = new ArrayList<>();
    private List<Assessment> assessments = new ArrayList<>();

    Cluster() {
    }

    public static Cluster create(String id, String name, String townId, List<String> memberIds) {
        Cluster cluster = new Cluster();
        cluster.id = id;
        cluster.name = name;
        cluster.townId = townId;
        cluster.memberIds = new ArrayList<>(new LinkedHashSet<>(memberIds));
        return cluster;
    }

    /** Same content as a cluster made from a re-sent request (members compared in order, without repeats). */
    public boolean sameAs(Cluster other) {
        return Objects.equals(name, other.name) && Objects.equals(townId, other.townId)
                && Objects.equals(List.copyOf(new LinkedHashSet<>(memberIds)),
                List.copyOf(new LinkedHashSet<>(other.memberIds)));
    }

    /** Records an assessment; the same assessment (member and date) again is a no-op. */
    public boolean assess(Assessment assessment, int thresholdPercent) {
        if (!memberIds.contains(assessment.establishmentId())) {
            throw new InvalidInputException("establishmentId", assessment.establishmentId() + " is not a member of "
                    + id);
        }
        boolean again = assessments.stream().anyMatch(a -> a.establishmentId().equals(assessment.establishmentId())
                && a.assessedAt().equals(assessment.assessedAt()) && a.passed() == assessment.passed());
        if (again) {
            return false;
        }
        assessments.add(assessment);
        registerEvent(new ClusterAssessed(id, assessment.establishmentId(), townId, assessment.passed(),
                assessment.failedItems(), assessment.assessedAt(), assessment.assessor(), memberIds.size(),
                passingMembers(), standardised(thresholdPercent)));
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

    /** The latest assessment of a member (by assessment date), or null. */
    public Assessment current(String establishmentId) {
        Assessment latest = null;
        for (Assessment a : assessments) {
            if (a.establishmentId().equals(establishmentId)
                    && (latest == null || !a.assessedAt().isBefore(latest.assessedAt()))) {
                latest = a;
            }
        }
        return latest;
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
