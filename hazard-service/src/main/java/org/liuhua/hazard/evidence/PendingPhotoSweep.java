package org.liuhua.hazard.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.liuhua.hazard.evidence.domain.PendingPhoto;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.store.AggregateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Discards the pending photos never attached to a hazard (ADR 0012, amendment "pending photos are discarded"): every
 * {@code liuhua.hazard.pending-photos.interval} the replica holding the {@code hazard-pending-photos} lease looks for
 * photos on no hazard stored more than {@code max-age} ago — of every owner: inspectors and firms, and also other
 * uploaders, whose photos no event announced — and discards each in steps that a later sweep can finish whatever
 * step a crash interrupted:
 * <ol>
 *   <li><b>claim</b>: a conditional update of the file document, only while it is on no hazard and not claimed,
 *       sets {@code metadata.discardedAt}. The intake's bind requires the same two conditions, so of a claim and an
 *       attach of the same photo exactly one wins; from the claim on the photo answers 404, cannot be named by a
 *       finding and is never attached.</li>
 *   <li><b>announce</b>: when the upload was announced ({@link PendingPhoto} exists), one version-guarded write marks
 *       it discarded and puts {@code liuhua.hazard.evidence-discarded.v1} in its outbox — once: a document already
 *       marked registers nothing. Only after the claim, so a discard is never announced for a photo then attached.</li>
 *   <li><b>delete</b> the chunks, then the file document (so the claimed file document, which the next sweep finds
 *       again, is the last thing to go).</li>
 * </ol>
 * A claimed file still present is taken up again by every sweep, whatever its age. The pending documents themselves
 * go last: a discarded one once the relay has published its event (its outbox is empty), one of a photo attached to
 * a hazard once it is older than {@code max-age} (its only task, the announcement, is done), each removed by its
 * unique {@code versionKey}, so a document that gained an event meanwhile stays. A pending document whose file is gone
 * without having been claimed (not done by this sweep; e.g. removed by hand) is announced as discarded too.
 *
 * <p>Cost: the look-ups select on the files' {@code metadata.hazardId}, {@code uploadDate} and
 * {@code metadata.discardedAt} and on the pending documents' {@code discardedAt} and {@code uploadedAt}; a real
 * MongoDB serves them from the declared indexes ({@link EvidenceIndexes}), the stand-in has no non-unique index and
 * scans both collections once per sweep, and each claim (a filter on {@code _id} and two more fields) scans the file
 * documents again. Once an hour, at most {@code batch-size} photos a sweep, that is accepted (ADR 0012).
 */
@Component
public class PendingPhotoSweep {

    static final String LEASE = "hazard-pending-photos";
    private static final String WHAT = "pending photo";
    private static final Logger log = LoggerFactory.getLogger(PendingPhotoSweep.class);

    /** What one sweep did; {@link #NOT_HOLDER} when another replica holds the lease. */
    public record Result(int discarded, int announced, int documentsRemoved) {
    }

    public static final Result NOT_HOLDER = new Result(-1, -1, -1);

    private final MongoTemplate mongo;
    private final AggregateStore<PendingPhoto> pendingPhotos;
    private final MongoLease lease;
    private final Clock clock;
    private final PendingPhotoProperties properties;

    PendingPhotoSweep(MongoTemplate mongo, AggregateStore<PendingPhoto> pendingPhotos, MongoLease lease, Clock clock,
                      PendingPhotoProperties properties) {
        this.mongo = mongo;
        this.pendingPhotos = pendingPhotos;
        this.lease = lease;
        this.clock = clock;
        this.properties = properties;
    }

    /** One sweep if this replica holds the lease (kept, renewed by each sweep), else {@link #NOT_HOLDER}. */
    public Result runOnce() {
        if (!lease.tryAcquire(LEASE, properties.leaseTtl())) {
            return NOT_HOLDER;
        }
        return sweep();
    }

    Result sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.maxAge());
        int discarded = 0;
        int announced = 0;
        Query stale = new Query(new Criteria().orOperator(
                Criteria.where("metadata.hazardId").is(null).and("uploadDate").lt(Date.from(cutoff)),
                Criteria.where("metadata." + EvidenceFiles.DISCARDED_AT).ne(null))).limit(properties.batchSize());
        stale.fields().include("_id", "filename", "metadata.hazardId", "metadata." + EvidenceFiles.DISCARDED_AT);
        for (Document file : mongo.find(stale, Document.class, EvidenceFiles.FILES)) {
            try {
                Outcome outcome = discard(file, now);
                if (outcome != Outcome.KEPT) {
                    discarded++;
                }
                if (outcome == Outcome.ANNOUNCED) {
                    announced++;
                }
            } catch (RuntimeException e) {
                log.warn("pending photo {} not discarded this time: {}", file.getString("filename"), e.toString());
            }
        }
        int removed = 0;
        Query done = new Query(new Criteria().orOperator(Criteria.where("discardedAt").ne(null),
                Criteria.where("uploadedAt").lt(cutoff))).limit(properties.batchSize());
        for (PendingPhoto photo : pendingPhotos.find(done)) {
            try {
                switch (tidy(photo, now)) {
                    case ANNOUNCED -> announced++;
                    case REMOVED -> removed++;
                    default -> { }
                }
            } catch (RuntimeException e) {
                log.warn("pending photo document {} not tidied this time: {}", photo.id(), e.toString());
            }
        }
        if (discarded > 0 || removed > 0) {
            log.info("pending photos older than {}: {} discarded, {} announced, {} pending documents removed",
                    properties.maxAge(), discarded, announced, removed);
        }
        return new Result(discarded, announced, removed);
    }

    /** KEPT: nothing done; DISCARDED / ANNOUNCED: a photo discarded (with its event); REMOVED: a pending document. */
    private enum Outcome { KEPT, DISCARDED, ANNOUNCED, REMOVED }

    /** Claims, announces and deletes one photo (each step idempotent); KEPT when it is on a hazard meanwhile. */
    private Outcome discard(Document file, Instant now) {
        Object fileId = file.get("_id");
        String evidenceId = file.getString("filename");
        Document metadata = file.get("metadata", Document.class);
        if (metadata == null || metadata.get(EvidenceFiles.DISCARDED_AT) == null) {
            Query free = new Query(Criteria.where("_id").is(fileId).and("metadata.hazardId").is(null)
                    .and("metadata." + EvidenceFiles.DISCARDED_AT).is(null));
            if (mongo.updateFirst(free, new Update().set("metadata." + EvidenceFiles.DISCARDED_AT, Date.from(now)),
                    EvidenceFiles.FILES).getMatchedCount() == 0) {
                // attached meanwhile (keep it), or claimed by another sweep (finish it) or already gone
                Document current = mongo.findById(fileId, Document.class, EvidenceFiles.FILES);
                Document m = current == null ? null : current.get("metadata", Document.class);
                if (m == null || m.getString("hazardId") != null || m.get(EvidenceFiles.DISCARDED_AT) == null) {
                    return Outcome.KEPT;
                }
            }
        }
        boolean announcedNow = evidenceId != null && announce(evidenceId, now);
        mongo.remove(new Query(Criteria.where("files_id").is(fileId)), EvidenceFiles.CHUNKS);
        mongo.remove(new Query(Criteria.where("_id").is(fileId)), EvidenceFiles.FILES);
        return announcedNow ? Outcome.ANNOUNCED : Outcome.DISCARDED;
    }

    /** Marks the photo's pending document discarded with its event, once; false when none or already marked. */
    private boolean announce(String evidenceId, Instant now) {
        if (pendingPhotos.findById(evidenceId).isEmpty()) {
            return false; // a photo no event announced (another uploader, or a crash before its announcement)
        }
        return pendingPhotos.change(evidenceId, WHAT, photo -> photo.discard(now) ? photo
                : AggregateStore.NO_CHANGE) != AggregateStore.NO_CHANGE;
    }

    /**
     * A pending document discarded (or older than the age): removed once its event is published and its photo is
     * gone or on a hazard; announced as discarded when its photo is gone without having been claimed.
     */
    private Outcome tidy(PendingPhoto photo, Instant now) {
        if (!photo.discarded()) {
            Document file = mongo.findOne(new Query(Criteria.where("filename").is(photo.id())), Document.class,
                    EvidenceFiles.FILES);
            Document m = file == null ? null : file.get("metadata", Document.class);
            if (file == null) {
                return announce(photo.id(), now) ? Outcome.ANNOUNCED : Outcome.KEPT;
            }
            if (m == null || m.getString("hazardId") == null) {
                return Outcome.KEPT; // still pending (or claimed and not yet deleted): the file sweep's work
            }
        }
        Document stored = mongo.findById(photo.id(), Document.class, pendingPhotos.collection());
        if (stored == null || stored.getString(AggregateStore.VERSION_KEY) == null
                || !stored.getList(AggregateStore.OUTBOX, Object.class, List.of()).isEmpty()) {
            return Outcome.KEPT; // its event not published yet: next sweep
        }
        // by the unique version key: a document that gained an event since it was read is not removed
        long removed = mongo.remove(new Query(Criteria.where(AggregateStore.VERSION_KEY)
                .is(stored.getString(AggregateStore.VERSION_KEY))), pendingPhotos.collection()).getDeletedCount();
        return removed > 0 ? Outcome.REMOVED : Outcome.KEPT;
    }
}
