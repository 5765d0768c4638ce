package org.liuhua.hazard.publicreport;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.liuhua.hazard.establishment.Establishments;
import org.liuhua.hazard.establishment.KnownEstablishment;
import org.liuhua.hazard.hazard.Actor;
import org.liuhua.hazard.hazard.Finding;
import org.liuhua.hazard.hazard.HazardProperties;
import org.liuhua.hazard.hazard.HazardSource;
import org.liuhua.hazard.hazard.Hazards;
import org.liuhua.hazard.hazard.Outcome;
import org.liuhua.hazard.hazard.Severity;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Public reports: intake without an account (rate-limited per address), verification, rejection, rewards. */
@Service
class PublicReports {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;
    private final HazardProperties properties;
    private final Hazards hazards;
    private final Establishments establishments;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    PublicReports(MongoTemplate mongo, Clock clock, HazardProperties properties, Hazards hazards,
                  Establishments establishments) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.hazards = hazards;
        this.establishments = establishments;
    }

    PublicReport submit(String address, String townId, String establishmentId, String place, String category,
                        String description, String contact) {
        Instant now = clock.instant();
        throttle(address, now);
        if (description.length() > properties.publicReportMaxChars()) {
            throw new InvalidInputException("description", "at most " + properties.publicReportMaxChars()
                    + " characters");
        }
        PublicReport report = new PublicReport(newCode(), null, townId, establishmentId, place, category, description,
                contact, PublicReport.RECEIVED, now, null, null, null, null);
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
                throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                        "too many reports from your address; try again later or call 12350");
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

    PublicReport track(String code) {
        PublicReport r = mongo.findById(code, PublicReport.class);
        if (r == null) {
            throw new NotFoundException("report", code);
        }
        return r;
    }

    /** The report within the officer's scope (their town; city-wide roles everything), else 404. */
    PublicReport get(String code, Caller caller) {
        PublicReport r = track(code);
        if (!caller.cityWide() && !(caller.has(Roles.TOWN_OFFICER) && r.townId().equals(caller.townId()))) {
            throw new NotFoundException("report", code);
        }
        return r;
    }

    List<PublicReport> list(String state, Caller caller, int page, int size) {
        Query query = new Query();
        if (!caller.cityWide()) {
            query.addCriteria(Criteria.where("townId").is(caller.townId()));
        }
        if (state != null) {
            query.addCriteria(Criteria.where("state").is(state));
        }
        return mongo.find(query.with(PageRequest.of(page, size, Sort.by("receivedAt").descending())),
                PublicReport.class);
    }

    /** Verifies the report into a hazard (source PUBLIC_REPORT) and records the reward (举报奖励). */
    PublicReport verify(String code, String establishmentId, String category, Severity severity, String description,
                        Caller caller) {
        PublicReport r = get(code, caller);
        if (!PublicReport.RECEIVED.equals(r.state())) {
            throw new ConflictException("the report was already " + r.state(), r.state(), List.of());
        }
        KnownEstablishment known = establishments.find(establishmentId).orElse(null);
        String townId = known != null ? known.townId() : r.townId();
        if (!townId.equals(r.townId()) && !caller.cityWide()) {
            throw new InvalidInputException("establishmentId", "the establishment is not in town " + r.townId());
        }
        Instant now = clock.instant();
        Finding finding = new Finding(establishmentId, townId, known == null ? null : known.departmentId(),
                known == null ? null : known.industry(), category, severity == null ? Severity.GENERAL : severity,
                HazardSource.PUBLIC_REPORT, code, "PUBLIC_REPORT:" + code, null,
                description == null ? r.description() : description, null, r.receivedAt());
        Outcome outcome = hazards.ingest(finding, Actor.of(caller));
        PublicReport verified = mongo.save(r.decided(PublicReport.VERIFIED,
                "核实属实，已立为隐患并交办整改 / verified and entered as hazard " + outcome.hazardId(),
                outcome.hazardId(), caller.subject(), now));
        try {
            mongo.insert(new Reward(code, outcome.hazardId(), townId, properties.rewardCny(), "PENDING", now));
        } catch (DuplicateKeyException alreadyRewarded) {
            // one reward per report
        }
        return verified;
    }

    PublicReport reject(String code, String reason, Caller caller) {
        PublicReport r = get(code, caller);
        if (!PublicReport.RECEIVED.equals(r.state())) {
            throw new ConflictException("the report was already " + r.state(), r.state(), List.of());
        }
        return mongo.save(r.decided(PublicReport.REJECTED, reason, null, caller.subject(), clock.instant()));
    }

    List<Reward> rewards(Caller caller, int page, int size) {
        Query query = caller.cityWide() ? new Query() : new Query(Criteria.where("townId").is(caller.townId()));
        return mongo.find(query.with(PageRequest.of(page, size, Sort.by("createdAt").descending())), Reward.class);
    }
}
