package org.liuhua.hazard.anchor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.liuhua.hazard.anchor.domain.ChainAnchor;
import org.liuhua.hazard.loop.HazardQueries;
import org.liuhua.hazard.loop.HazardStore;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HistoryEntry;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.time.CityCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Anchors the hazards' history chains outside their documents (H-6) and checks a hazard against its anchor.
 *
 * <p>An anchor pass reads every hazard's chain head (number of entries, hash of the last entry). A head moves in
 * {@code chain_heads} (keyed by hazard id) only when the chain is intact and still extends the head anchored before
 * (its entry at the anchored position has the anchored hash); otherwise the hazard is a mismatch: its anchored head is
 * kept and the anchor counts it. The anchor ({@code chain_anchors}) holds the SHA-256 digest over all heads chained to
 * the previous anchor's digest and publishes it as {@code liuhua.hazard.chain-anchored.v1}, so the digest is kept by
 * whoever stores that event too. A pass reads the whole collection; it runs every
 * {@code liuhua.hazard.anchor.interval} (default an hour) on the replica holding the {@code hazard-chain-anchor} lease.
 */
@Service
public class ChainAnchors {

    static final String LEASE = "hazard-chain-anchor";
    static final String HEADS = "chain_heads";
    private static final int MISMATCHES_LISTED = 200;
    private static final Logger log = LoggerFactory.getLogger(ChainAnchors.class);

    private final MongoTemplate mongo;
    private final AggregateStore<ChainAnchor> anchors;
    private final HazardQueries hazards;
    private final MongoLease lease;
    private final CityCalendar calendar;
    private final AnchorProperties properties;

    ChainAnchors(MongoTemplate mongo, AggregateStore<ChainAnchor> anchors, HazardQueries hazards, MongoLease lease,
                 CityCalendar calendar, AnchorProperties properties) {
        this.mongo = mongo;
        this.anchors = anchors;
        this.hazards = hazards;
        this.lease = lease;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** The scheduled pass: only on the replica holding the lease. */
    void runOnce() {
        if (lease.tryAcquire(LEASE, properties.leaseTtl())) {
            anchorNow();
        }
    }

    /** Anchors every chain head now; returns the anchor. */
    public synchronized ChainAnchor anchorNow() {
        Instant now = calendar.now();
        String anchorId = "anchor-" + now.toString().replace(":", "").replace("-", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Document> anchored = new HashMap<>();
        for (Document head : mongo.findAll(Document.class, HEADS)) {
            anchored.put(head.getString("_id"), head);
        }
        long changed = 0;
        long mismatches = 0;
        List<String> mismatched = new ArrayList<>();
        try (Stream<Hazard> all = mongo.stream(new Query(), Hazard.class, HazardStore.COLLECTION)) {
            for (Hazard h : (Iterable<Hazard>) all::iterator) {
                List<HistoryEntry> history = h.history();
                if (history.isEmpty()) {
                    continue;
                }
                Document before = anchored.get(h.id());
                if (before != null && !extends_(h, before)) {
                    mismatches++;
                    if (mismatched.size() < MISMATCHES_LISTED) {
                        mismatched.add(h.id());
                    }
                    log.warn("hazard {}: its history no longer extends the head anchored by {}", h.id(),
                            before.getString("anchorId"));
                    continue;
                }
                HistoryEntry last = history.get(history.size() - 1);
                if (before != null && before.getInteger("entries", 0) == history.size()) {
                    continue;
                }
                Document head = new Document("_id", h.id()).append("entries", history.size())
                        .append("headHash", last.hash()).append("anchorId", anchorId).append("anchoredAt", now);
                mongo.findAndReplace(Query.query(Criteria.where("_id").is(h.id())), head,
                        FindAndReplaceOptions.options().upsert(), Document.class, HEADS);
                anchored.put(h.id(), head);
                changed++;
            }
        }
        List<String> lines = new ArrayList<>();
        for (Document head : anchored.values()) {
            lines.add(ChainAnchor.headLine(head.getString("_id"), head.getInteger("entries", 0),
                    head.getString("headHash")));
        }
        Collections.sort(lines);
        Optional<ChainAnchor> previous = latest();
        ChainAnchor anchor = ChainAnchor.of(anchorId, now, lines, changed, mismatches, mismatched,
                previous.map(ChainAnchor::id).orElse(null), previous.map(ChainAnchor::digest).orElse(null));
        return anchors.insert(anchor);
    }

    /** The newest anchor, if any. */
    public Optional<ChainAnchor> latest() {
        return anchors.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "anchoredAt")).limit(1));
    }

    /** Checks a hazard (in the caller's scope, else 404) against its own chain and the head anchored for it. */
    public ChainCheck check(String hazardId, Caller caller) {
        Hazard h = hazards.get(hazardId, caller);
        int broken = h.firstBrokenEntry();
        Document head = mongo.findById(hazardId, Document.class, HEADS);
        ChainCheck.Anchored anchored = head == null ? null : new ChainCheck.Anchored(head.getString("anchorId"),
                head.get("anchoredAt", java.util.Date.class).toInstant(), head.getInteger("entries", 0),
                head.getString("headHash"));
        Boolean matches = head == null ? null : extends_(h, head);
        boolean rewritten = broken >= 0 || Boolean.FALSE.equals(matches);
        return new ChainCheck(hazardId, broken < 0, h.history().size(), broken < 0 ? null : broken, anchored,
                matches, rewritten);
    }

    /** Whether the hazard's chain is intact and its entry at the anchored position carries the anchored hash. */
    private static boolean extends_(Hazard h, Document head) {
        int entries = head.getInteger("entries", 0);
        List<HistoryEntry> history = h.history();
        return h.firstBrokenEntry() < 0 && history.size() >= entries && entries > 0
                && history.get(entries - 1).hash().equals(head.getString("headHash"));
    }
}
