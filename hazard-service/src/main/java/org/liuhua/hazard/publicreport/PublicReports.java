package org.liuhua.hazard.publicreport;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.intake.Intake;
import org.liuhua.hazard.intake.Outcome;
import org.liuhua.hazard.intake.Site;
import org.liuhua.hazard.loop.Actors;
import org.liuhua.hazard.loop.HazardStore;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.HistoryEntry;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.hazard.publicreport.domain.Reward;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.domain.TooManyRequestsException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Public reports: intake without an account (rate-limited per address), verification into a hazard through the one
 * intake path (source PUBLIC_REPORT, keyed by the report's code), rejection, rewards and their steps (propose,
 * approve, pay), and the reporter's view of the hazard the report became.
 */
@Service
public class PublicReports {

    static final String REPORTS = "public_reports";
    static final String REWARDS = "rewards";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final CityCalendar calendar;
    private final HazardProperties properties;
    private final Intake intake;
    private final AccessPolicy policy;
    private final AggregateStore<Reward> rewards;
    private final HazardStore hazards;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    PublicReports(MongoTemplate mongo, CityCalendar calendar, HazardProperties properties, Intake intake,
                  AccessPolicy policy, AggregateStore<Reward> rewards, HazardStore hazards) {
        this.rewards = rewards;
        this.hazards = hazards;
        this.mongo = mongo;
        this.calendar = calendar;
        this.properties = properties;
        this.intake = intake;
        this.policy = policy;
    }

    /**
     * Takes a report from the client address the trusted proxy appended ({@code getRemoteAddr()} with the forwarded
     * headers resolved by the server, never a header the client wrote). The town must be one of the city's: a report
     * nobody's town sees would be lost. A refused report counts against nobody's budget.
     */
    public PublicReport submit(String address, String townId, String establishmentId, String place, String category,
                               String description, String contact, PublicReport.Channel channel) {
        Instant now = calendar.now();
        if (!properties.towns().contains(townId)) {
            throw new InvalidInputException("townId", "not a town of this city: " + townId);
        }
        if (description.length() > properties.publicReportMaxChars()) {
            throw new InvalidInputException("description", "at most " + properties.publicReportMaxChars()
                    + " characters");
        }
        throttle(address, now);
        PublicReport report = new PublicReport(newCode(), null, townId, establishmentId, place, category, description,
                contact, PublicReport.RECEIVED, now, null, null, null, null,
                channel == null ? PublicReport.Channel.APP_PHOTO : channel);
        return mongo.insert(report);
    }

    private void throttle(String address, Instant now) {
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(Duration.ofHours(1)));
                }
            });
        }
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
                times.pollFirst();
            }
            if (times.size() >= properties.publicReportsPerHour()) {
                Duration retryAfter = Duration.between(now, times.peekFirst().plus(Duration.ofHours(1)));
                throw new TooManyRequestsException("too many reports from your address; try again later or call "
                        + "12350", retryAfter.isNegative() ? Duration.ZERO : retryAfter);
            }
            times.addLast(now);
        }
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder("PR-");
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The report by its tracking code (the public view shows only what {@code Tracking} shows). */
    public PublicReport track(String code) {
        PublicReport r = mongo.findById(code, PublicReport.class);
        if (r == null) {
            throw new NotFoundException("report", code);
        }
        return r;
    }

    /** The report within the officer's reach (their town; city-wide roles everything), else 404. */
    public PublicReport get(String code, Caller caller) {
        PublicReport r = track(code);
        policy.checkReportTown(caller, r.townId(), code);
        return r;
    }

    public Page<PublicReport> list(String state, Caller caller, PageQuery page) {
        Query query = townsOf(caller);
        if (state != null) {
            query.addCriteria(Criteria.where("state").is(state));
        }
        return page(query, page, PublicReport.class);
    }

    /**
     * Verifies the report into a hazard (source PUBLIC_REPORT) and decides the hazard's reward (举报奖励) once: a
     * reward is per hazard and goes to its first valid reporter. The first report verified into a hazard that was
     * not on record before the report was received earns it; a later report joined into the same hazard, or a report
     * of a hazard another source had already put on record, earns none. The reward's key is the hazard id, so two
     * verifications at once still decide one reward.
     */
    public PublicReport verify(String code, String establishmentId, String category, Severity severity,
                               String description, Caller caller) {
        PublicReport r = get(code, caller);
        if (!PublicReport.RECEIVED.equals(r.state())) {
            throw new ConflictException("the report was already " + r.state(), r.state(), List.of());
        }
        Site site = intake.site(establishmentId, r.townId());
        policy.checkVerifyInto(caller, r.townId(), site.townId());
        Instant now = calendar.now();
        Outcome outcome = intake.ingest(site.finding(category, severity, HazardSource.PUBLIC_REPORT, code,
                "PUBLIC_REPORT:" + code, null, description == null ? r.description() : description, null,
                r.receivedAt(), r.channel() == null ? null : r.channel().name()), Actors.of(caller));
        PublicReport verified = mongo.save(r.decided(PublicReport.VERIFIED,
                "核实属实，已立为隐患并交办整改 / verified and entered as hazard " + outcome.hazardId(),
                outcome.hazardId(), caller.subject(), now));
        boolean knownBefore = outcome.kind() == Outcome.Kind.JOINED && outcome.hazard() != null
                && outcome.hazard().reportedAt().isBefore(r.receivedAt());
        if (!knownBefore && !rewardDecided(outcome.hazardId())) {
            try {
                rewards.insert(Reward.earned(outcome.hazardId(), code, site.townId(),
                        properties.rewardCny(severity == null ? Severity.GENERAL : severity), now));
            } catch (DuplicateKeyException alreadyRewarded) {
                // decided once: the hazard's first valid reporter has it
            }
        }
        return verified;
    }

    /** Whether the hazard's reward is decided (also by a reward stored before rewards were keyed by hazard). */
    private boolean rewardDecided(String hazardId) {
        return rewards.exists(new Query(Criteria.where("_id").is(hazardId)))
                || rewards.exists(new Query(Criteria.where("hazardId").is(hazardId)));
    }

    public PublicReport reject(String code, String reason, Caller caller) {
        PublicReport r = get(code, caller);
        if (!PublicReport.RECEIVED.equals(r.state())) {
            throw new ConflictException("the report was already " + r.state(), r.state(), List.of());
        }
        return mongo.save(r.decided(PublicReport.REJECTED, reason, null, caller.subject(), calendar.now()));
    }

    public Page<Reward> rewards(Caller caller, PageQuery page) {
        return rewards.page(townsOf(caller), page.pageable());
    }

    /** A reward within the officer's reach (its town; city-wide roles every town's), else 404. */
    public Reward reward(String rewardId, Caller caller) {
        Reward r = rewards.get(rewardId, "reward");
        if (!policy.seesEveryTown(caller) && !r.townId().equals(caller.townId())) {
            throw new NotFoundException("reward", rewardId);
        }
        return r;
    }

    /**
     * Proposes the reward at the amount the rule gives for the hazard's severity now ({@code reward-cny},
     * {@code reward-cny-major}): the town officer of its town or the city.
     */
    public Reward propose(String rewardId, Caller caller) {
        reward(rewardId, caller);
        Actor actor = Actors.of(caller);
        return rewards.change(rewardId, "reward", r -> {
            Severity severity = hazards.findById(r.hazardId()).map(Hazard::severity).orElse(Severity.GENERAL);
            r.propose(severity.name(), properties.rewardCny(severity), actor.subject(), actor.role(),
                    calendar.now());
            return r;
        });
    }

    /** The city approves a proposed reward; not the officer who proposed it (403). */
    public Reward approve(String rewardId, Caller caller) {
        reward(rewardId, caller);
        Actor actor = Actors.of(caller);
        return rewards.change(rewardId, "reward", r -> {
            r.approve(actor.subject(), actor.role(), calendar.now());
            return r;
        });
    }

    /** Records the payment of an approved reward: its reference and the day it was paid (not after today). */
    public Reward pay(String rewardId, String paymentReference, LocalDate paidOn, Caller caller) {
        LocalDate today = calendar.today();
        if (paidOn.isAfter(today)) {
            throw new InvalidInputException("paidOn", "must not lie in the future (today is " + today + ")");
        }
        Reward found = reward(rewardId, caller);
        if (found.approvedAt() != null && paidOn.isBefore(calendar.dayOf(found.approvedAt()))) {
            throw new InvalidInputException("paidOn", "must not lie before the approval ("
                    + calendar.dayOf(found.approvedAt()) + ")");
        }
        Actor actor = Actors.of(caller);
        return rewards.change(rewardId, "reward", r -> {
            r.pay(paymentReference, paidOn, actor.subject(), actor.role(), calendar.now());
            return r;
        });
    }

    /**
     * What the reporter sees with their tracking code: the report, the states the hazard it became went through
     * (with their times, no person) and where its reward stands — nothing personal of anyone.
     */
    public record Progress(PublicReport report, String hazardState, List<Step> hazardSteps, Reward reward) {
    }

    /** A state the hazard entered, and when. */
    public record Step(String state, Instant at) {
    }

    public Progress progress(String code) {
        PublicReport r = track(code);
        if (r.hazardId() == null) {
            return new Progress(r, null, List.of(), null);
        }
        Hazard h = hazards.findById(r.hazardId()).orElse(null);
        if (h == null) {
            return new Progress(r, null, List.of(), null);
        }
        List<Step> steps = new ArrayList<>();
        for (HistoryEntry e : h.history()) {
            if (e.toState() != null && !e.toState().equals(e.fromState())) {
                steps.add(new Step(e.toState(), e.at()));
            }
        }
        Reward reward = rewards.findById(r.hazardId()).filter(w -> code.equals(w.reportCode())).orElse(null);
        return new Progress(r, h.state().name(), steps, reward);
    }

    /** Every town's reports and rewards for city-wide readers, else the caller's town's. */
    private Query townsOf(Caller caller) {
        return policy.seesEveryTown(caller) ? new Query() : new Query(Criteria.where("townId").is(caller.townId()));
    }

    private <T> Page<T> page(Query query, PageQuery page, Class<T> type) {
        long total = mongo.count(query, type);
        return new PageImpl<>(mongo.find(Query.of(query).with(page.pageable()), type), page.pageable(), total);
    }
}
