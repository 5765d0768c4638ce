package org.liuhua.grid.establishment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.liuhua.grid.Saved;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.establishment.domain.EstablishmentDraft;
import org.liuhua.grid.establishment.domain.Post;
import org.liuhua.grid.establishment.domain.UpdateProposal;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.web.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Enterprise officers propose updates of their own establishment's facts within {@link EnterpriseUpdateProperties
 * bounds}; the town officer of its town approves (the values are applied, with the establishment's changed event) or
 * rejects them with a reason (G-2). One pending proposal per establishment.
 */
@Service
public class EnterpriseUpdates {

    private final AggregateStore<UpdateProposal> proposals;
    private final AggregateStore<Establishment> establishmentStore;
    private final Establishments establishments;
    private final EnterpriseUpdateProperties bounds;
    private final Clock clock;

    EnterpriseUpdates(AggregateStore<UpdateProposal> proposals, AggregateStore<Establishment> establishmentStore,
                      Establishments establishments, EnterpriseUpdateProperties bounds, Clock clock) {
        this.proposals = proposals;
        this.establishmentStore = establishmentStore;
        this.establishments = establishments;
        this.bounds = bounds;
        this.clock = clock;
    }

    /**
     * An enterprise officer proposes new facts for their own establishment (another establishment is not in their
     * scope: 404). Values outside the bounds → 400 naming the field; one already pending → 409 PENDING.
     */
    public UpdateProposal propose(String establishmentId, Integer employeeCount, Integer workshops,
                                  List<Post> posts, String note, CallerScope scope) {
        Establishment e = establishments.get(establishmentId, scope);
        if (!scope.caller().has(Roles.ENTERPRISE_OFFICER)
                || !establishmentId.equals(scope.caller().establishmentId())) {
            throw new ForbiddenException("only the establishment's own enterprise officer proposes updates");
        }
        e.requireActive();
        List<FieldProblem> problems = new ArrayList<>();
        if (employeeCount == null && workshops == null && posts == null) {
            problems.add(new FieldProblem("employeeCount", "give employeeCount, workshops or posts"));
        }
        if (employeeCount != null) {
            int bound = bounds.employeeBound(e.employeeCount());
            if (employeeCount < 0 || employeeCount > EstablishmentDraft.MAX_EMPLOYEES) {
                problems.add(new FieldProblem("employeeCount", "must be between 0 and "
                        + EstablishmentDraft.MAX_EMPLOYEES));
            } else if (Math.abs(employeeCount - e.employeeCount()) > bound) {
                problems.add(new FieldProblem("employeeCount", "may change by at most " + bound + " from "
                        + e.employeeCount() + " in one proposal; a bigger change is registered by the town"));
            }
        }
        if (workshops != null) {
            if (workshops < 0 || workshops > EstablishmentDraft.MAX_WORKSHOPS) {
                problems.add(new FieldProblem("workshops", "must be between 0 and "
                        + EstablishmentDraft.MAX_WORKSHOPS));
            } else if (Math.abs(workshops - e.workshops()) > bounds.workshopChange()) {
                problems.add(new FieldProblem("workshops", "may change by at most " + bounds.workshopChange()
                        + " from " + e.workshops() + " in one proposal; a bigger change is registered by the town"));
            }
        }
        List<Post> teams = posts == null ? null : Post.normalised(posts);
        if (teams != null) {
            List<FieldProblem> postProblems = Post.problems("posts", teams);
            problems.addAll(postProblems);
            int changed = postProblems.isEmpty() ? Post.changes(e.posts(), teams) : 0;
            if (changed > bounds.postChange()) {
                problems.add(new FieldProblem("posts", "may add, remove or change at most " + bounds.postChange()
                        + " posts in one proposal (this one changes " + changed
                        + "); a bigger change is registered by the town"));
            }
        }
        if (problems.isEmpty() && (employeeCount == null || employeeCount == e.employeeCount())
                && (workshops == null || workshops == e.workshops())
                && (teams == null || teams.equals(e.posts()))) {
            problems.add(new FieldProblem(employeeCount != null ? "employeeCount" : workshops != null ? "workshops"
                    : "posts", "is what the register already holds"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<UpdateProposal> pending = proposals.find(new Query(Criteria.where("establishmentId").is(establishmentId)
                .and("status").is(UpdateProposal.PENDING)).limit(1));
        if (!pending.isEmpty()) {
            throw new ConflictException("update proposal " + pending.get(0).id() + " of " + establishmentId
                    + " awaits the town's review", "PENDING",
                    List.of("GET /api/v1/establishments/update-proposals/" + pending.get(0).id()));
        }
        return proposals.insert(UpdateProposal.propose("eup-" + UUID.randomUUID(), e, employeeCount, workshops,
                teams, note, scope.caller().username(), clock.instant()));
    }

    /**
     * The town officer of the establishment's town approves (the proposed values are applied to the establishment) or
     * rejects (a reason is required) a proposal. Decided already the same way: unchanged; the other way: 409.
     */
    public UpdateProposal review(String proposalId, boolean approve, String reason, CallerScope scope) {
        if (!approve && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "a rejection gives its reason");
        }
        UpdateProposal proposal = get(proposalId, scope);
        if (!scope.caller().has(Roles.TOWN_OFFICER) || !scope.writesTown(proposal.townId())) {
            throw new ForbiddenException("the town officer of the establishment's town reviews its proposals");
        }
        if (approve && proposal.pending()) {
            Saved.change(establishmentStore, proposal.establishmentId(), "establishment",
                    e -> e.applyFacts(proposal.employeeCount(), proposal.workshops(), proposal.posts(),
                            clock.instant()));
        }
        return Saved.change(proposals, proposalId, "update proposal",
                p -> p.review(approve, reason, scope.caller().username(), clock.instant())).value();
    }

    /** A proposal the caller sees (the town's officers, the city, the establishment's own officer), or 404. */
    public UpdateProposal get(String id, CallerScope scope) {
        return proposals.findById(id).filter(p -> sees(p, scope))
                .orElseThrow(() -> new NotFoundException("update proposal", id));
    }

    private static boolean sees(UpdateProposal p, CallerScope scope) {
        return scope.cityWide()
                || (scope.caller().has(Roles.TOWN_OFFICER) && p.townId().equals(scope.caller().townId()))
                || (scope.caller().has(Roles.ENTERPRISE_OFFICER)
                && p.establishmentId().equals(scope.caller().establishmentId()));
    }

    /** The proposals the caller sees, optionally of one town, status or establishment (oldest first by default). */
    public Page<UpdateProposal> list(String townId, String status, String establishmentId, CallerScope scope,
                                     PageQuery page) {
        Criteria c = new Criteria();
        if (!scope.cityWide()) {
            if (scope.caller().has(Roles.TOWN_OFFICER) && scope.caller().townId() != null) {
                c.and("townId").is(townId != null && !townId.equals(scope.caller().townId()) ? CallerScope.NONE
                        : scope.caller().townId());
            } else if (scope.caller().has(Roles.ENTERPRISE_OFFICER) && scope.caller().establishmentId() != null) {
                c.and("establishmentId").is(establishmentId != null
                        && !establishmentId.equals(scope.caller().establishmentId()) ? CallerScope.NONE
                        : scope.caller().establishmentId());
                establishmentId = null;
            } else {
                c.and("establishmentId").is(CallerScope.NONE);
            }
        } else if (townId != null) {
            c.and("townId").is(townId);
        }
        if (status != null) {
            c.and("status").is(status);
        }
        if (establishmentId != null) {
            c.and("establishmentId").is(establishmentId);
        }
        return proposals.page(new Query(c), page.pageable());
    }
}
