package org.liuhua.grid.establishment.domain;

import java.time.Instant;
import java.util.List;

import org.liuhua.events.grid.EstablishmentPost;
import org.liuhua.events.grid.EstablishmentUpdateProposed;
import org.liuhua.events.grid.EstablishmentUpdateReviewed;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;

/**
 * An enterprise safety officer's proposed update of their own establishment's facts (employees, workshops/shifts, posts:
 * what the staffing rules read), reviewed by the town (G-2). PENDING until the town officer approves (the values are then
 * applied to the establishment) or rejects it with a reason. Its events are keyed by the establishment, so they are
 * ordered with the establishment's own.
 */
public class UpdateProposal extends AggregateRoot {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    private String id;
    private String establishmentId;
    private String establishmentName;
    private String townId;
    private int currentEmployees;
    private Integer employeeCount;
    private int currentWorkshops;
    private Integer workshops;
    /** The establishment's posts when proposed; null in documents written before posts could be proposed. */
    private List<Post> currentPosts;
    /** The proposed whole new list of posts, or null (unchanged). */
    private List<Post> posts;
    private String note;
    private String status;
    private String proposedBy;
    private Instant proposedAt;
    private String reviewedBy;
    private Instant reviewedAt;
    private String reason;

    UpdateProposal() {
    }

    /** A proposal for an establishment as it is now; the application has checked the bounds. */
    public static UpdateProposal propose(String id, Establishment establishment, Integer employeeCount,
                                         Integer workshops, List<Post> posts, String note, String proposedBy,
                                         Instant now) {
        UpdateProposal p = new UpdateProposal();
        p.id = id;
        p.establishmentId = establishment.id();
        p.establishmentName = establishment.name();
        p.townId = establishment.townId();
        p.currentEmployees = establishment.employeeCount();
        p.employeeCount = employeeCount;
        p.currentWorkshops = establishment.workshops();
        p.workshops = workshops;
        p.currentPosts = establishment.posts();
        p.posts = posts == null ? null : List.copyOf(posts);
        p.note = note;
        p.status = PENDING;
        p.proposedBy = proposedBy;
        p.proposedAt = now;
        p.registerEvent(new EstablishmentUpdateProposed(id, p.establishmentId, p.townId, p.currentEmployees,
                employeeCount, p.currentWorkshops, workshops, note, proposedBy, now, events(p.currentPosts),
                events(p.posts)), p.establishmentId);
        return p;
    }

    /** Approves or rejects a pending proposal; the same decision again is a no-op, another one a 409. */
    public boolean review(boolean approve, String why, String reviewer, Instant now) {
        String decision = approve ? APPROVED : REJECTED;
        if (decision.equals(status)) {
            return false;
        }
        if (!PENDING.equals(status)) {
            throw new ConflictException("update proposal " + id + " was already " + status + " by " + reviewedBy,
                    status, List.of());
        }
        status = decision;
        reason = why;
        reviewedBy = reviewer;
        reviewedAt = now;
        registerEvent(new EstablishmentUpdateReviewed(id, establishmentId, townId, decision, employeeCount, workshops,
                why, reviewer, now, events(posts)), establishmentId);
        return true;
    }

    private static List<EstablishmentPost> events(List<Post> posts) {
        return posts == null ? null : posts.stream().map(Post::toEvent).toList();
    }

    public boolean pending() {
        return PENDING.equals(status);
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String establishmentId() { return establishmentId; }
    public String establishmentName() { return establishmentName; }
    public String townId() { return townId; }
    public int currentEmployees() { return currentEmployees; }
    public Integer employeeCount() { return employeeCount; }
    public int currentWorkshops() { return currentWorkshops; }
    public Integer workshops() { return workshops; }
    public List<Post> currentPosts() { return currentPosts == null ? List.of() : List.copyOf(currentPosts); }
    public List<Post> posts() { return posts == null ? null : List.copyOf(posts); }
    public String note() { return note; }
    public String status() { return status; }
    public String proposedBy() { return proposedBy; }
    public Instant proposedAt() { return proposedAt; }
    public String reviewedBy() { return reviewedBy; }
    public Instant reviewedAt() { return reviewedAt; }
    public String reason() { return reason; }
}
