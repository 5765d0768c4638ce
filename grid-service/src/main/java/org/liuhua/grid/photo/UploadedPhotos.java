package org.liuhua.grid.photo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.liuhua.kit.domain.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The finding photos hazard-service stored pending ({@code liuhua.hazard.evidence-uploaded.v1}, ADR 0012), kept so
 * that a patrol finding names only photos that exist and are its inspector's. One document per photo, {@code _id} =
 * the evidence id, with its owner ({@code inspector:<id>}, {@code firm:<client>}) and upload time; a photo's owner
 * never changes, so the first event stored wins and a redelivered one changes nothing. Only {@code _id} is queried.
 *
 * <p>A photo hazard-service discarded as never attached ({@code liuhua.hazard.evidence-discarded.v1}) is forgotten:
 * its document keeps only its id and {@code discardedAt} (owner and upload time removed), so that an upload event
 * delivered again or late cannot bring it back (the upsert sets fields only on insert). A finding naming it is
 * refused as naming an unknown photo, at once (it will not come back, so there is nothing to wait for).
 */
@Service
public class UploadedPhotos {

    /** What a finding naming a photo nobody uploaded is told. */
    public static final String UNKNOWN = "unknown photo: upload it first with POST /api/v1/evidence";
    /** What a finding naming someone else's photo is told. */
    public static final String FOREIGN = "not a photo of this finding's inspector: a finding names only photos its "
            + "inspector uploaded with POST /api/v1/evidence";
    /** Between two looks at the read model while waiting for a photo's event. */
    static final Duration POLL = Duration.ofMillis(25);
    /** The owner a discarded photo is looked up with: no finding's owner (an owner is {@code <kind>:<id>}). */
    private static final String DISCARDED = "";

    private final MongoTemplate mongo;

    UploadedPhotos(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A photo hazard-service stored; idempotent (an upsert by the evidence id that sets fields only on insert). */
    public void uploaded(String evidenceId, String owner, Instant uploadedAt) {
        try {
            mongo.upsert(new Query(Criteria.where("_id").is(evidenceId)),
                    new Update().setOnInsert("owner", owner).setOnInsert("uploadedAt", uploadedAt),
                    PhotoStorage.COLLECTION);
        } catch (DuplicateKeyException concurrent) {
            // the same event stored at the same time by another delivery: stored once
        }
    }

    /**
     * A photo hazard-service discarded (never attached): forgotten, whatever order its events come in; idempotent (an
     * upsert by the evidence id setting the event's time and removing the owner and upload time).
     */
    public void discarded(String evidenceId, Instant discardedAt) {
        try {
            mongo.upsert(new Query(Criteria.where("_id").is(evidenceId)), new Update().set("discardedAt", discardedAt)
                    .unset("owner").unset("uploadedAt"), PhotoStorage.COLLECTION);
        } catch (DuplicateKeyException concurrent) {
            // the same event stored at the same time by another delivery: stored once
        }
    }

    /** The owner of a photo, null when grid-service has not heard of it or it was discarded. */
    public String ownerOf(String evidenceId) {
        Document photo = evidenceId == null ? null : mongo.findById(evidenceId, Document.class,
                PhotoStorage.COLLECTION);
        return photo == null ? null : owner(photo);
    }

    /**
     * One problem per named photo that is not {@code owner}'s, by field ({@code field → photo id}, in order). A photo
     * of another owner is a problem at once; an unknown one is waited for up to {@code wait} (its event follows the
     * upload by moments, and apps upload and sync right away), looking at the read model by {@code _id}, unless
     * another problem already refuses the request. A discarded photo is refused as unknown, at once.
     */
    public List<FieldProblem> problems(Map<String, String> named, String owner, Duration wait) {
        if (named.isEmpty()) {
            return List.of();
        }
        Map<String, String> owners = owners(new LinkedHashSet<>(named.values()));
        boolean foreign = owners.values().stream().anyMatch(o -> !o.equals(owner));
        long deadline = System.nanoTime() + wait.toNanos();
        Set<String> unknown = unknown(named, owners);
        while (!foreign && !unknown.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            owners.putAll(owners(unknown));
            foreign = owners.values().stream().anyMatch(o -> !o.equals(owner));
            unknown = unknown(named, owners);
        }
        List<FieldProblem> problems = new ArrayList<>();
        named.forEach((field, id) -> {
            String photoOwner = owners.get(id);
            if (photoOwner == null || DISCARDED.equals(photoOwner)) {
                problems.add(new FieldProblem(field, UNKNOWN));
            } else if (!photoOwner.equals(owner)) {
                problems.add(new FieldProblem(field, FOREIGN));
            }
        });
        return problems;
    }

    private static Set<String> unknown(Map<String, String> named, Map<String, String> owners) {
        Set<String> unknown = new LinkedHashSet<>(named.values());
        unknown.removeAll(owners.keySet());
        return unknown;
    }

    /** A stored photo's owner; null when it was discarded. */
    private static String owner(Document photo) {
        return photo.get("discardedAt") != null ? null : photo.getString("owner");
    }

    /** The owners of the photos known of these ids (a look-up by {@code _id}); a discarded one's is empty. */
    private Map<String, String> owners(Set<String> ids) {
        Map<String, String> owners = new HashMap<>();
        if (ids.isEmpty()) {
            return owners;
        }
        Query query = new Query(Criteria.where("_id").in(ids));
        mongo.find(query, Document.class, PhotoStorage.COLLECTION).forEach(d -> {
            String photoOwner = owner(d);
            owners.put(d.getString("_id"), photoOwner == null ? DISCARDED : photoOwner);
        });
        return owners;
    }
}
