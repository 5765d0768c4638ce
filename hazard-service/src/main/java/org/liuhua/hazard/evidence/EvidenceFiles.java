package org.liuhua.hazard.evidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.List;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.liuhua.events.hazard.EvidenceUploaded;
import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.evidence.domain.PendingPhoto;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.hazard.loop.domain.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.loop.HazardQueries;
import org.liuhua.hazard.loop.LoopCommands;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Evidence photos (H-8): JPEG or PNG (checked from the bytes, not the declared type), at most
 * {@code liuhua.hazard.evidence-max-bytes}, stored in GridFS with SHA-256, phase, capture time and position from the
 * client and the EXIF date when present; attached to the hazard by an evidence-added event. Readable by those who
 * can see the hazard. A finding's photos are uploaded before the finding is sent (pending, owned by the uploader,
 * readable by them) and attached when the finding becomes or joins a hazard (ADR 0012).
 */
@Service
public class EvidenceFiles {

    /** The GridFS bucket: {@code evidence.files} and {@code evidence.chunks}. */
    static final String BUCKET = "evidence";
    static final String FILES = BUCKET + ".files";
    static final String CHUNKS = BUCKET + ".chunks";
    /**
     * Set in a pending photo's metadata when the sweep claims it for discarding ({@link PendingPhotoSweep}): from then
     * on it is treated as gone (404, not attachable, not nameable by a finding) although its file is deleted after.
     */
    static final String DISCARDED_AT = "discardedAt";
    private static final Pattern EXIF_DATE = Pattern.compile("(\\d{4}):(\\d{2}):(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");

    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

    private final LoopCommands loop;
    private final MongoTemplate mongo;
    private final HazardQueries hazards;
    private final GridFsTemplate gridFs;
    private final HazardProperties properties;
    private final AggregateStore<PendingPhoto> pendingPhotos;
    private final Clock clock;

    EvidenceFiles(LoopCommands loop, HazardQueries hazards, MongoDatabaseFactory factory, MongoTemplate mongo,
                  HazardProperties properties, AggregateStore<PendingPhoto> pendingPhotos, Clock clock) {
        this.pendingPhotos = pendingPhotos;
        this.clock = clock;
        this.loop = loop;
        this.hazards = hazards;
        this.mongo = mongo;
        this.gridFs = new GridFsTemplate(factory, mongo.getConverter(), BUCKET);
        this.properties = properties;
    }

    public enum Phase { BEFORE, AFTER }

    /** A photo as the client sent it. */
    public record Upload(byte[] bytes, String originalName, Phase phase, Instant capturedAt, Double latitude,
                         Double longitude) {
    }

    /** A stored photo: its metadata and (read on demand) its bytes. */
    public record Stored(Document metadata, GridFsResource content) {
    }

    /** Stores the photo and attaches it to the hazard (404 outside the caller's scope); returns its metadata. */
    public Document upload(String hazardId, Upload upload, Caller caller) {
        hazards.requireVisible(hazardId, caller);
        Document metadata = store(upload, hazardId, null, caller.subject());
        loop.addEvidence(hazardId, metadata.getString("evidenceId"), upload.phase().name(),
                metadata.getString("sha256"), metadata.getString("contentType"), ((Number) metadata.get("size"))
                        .longValue(), caller);
        return metadata;
    }

    /**
     * Stores a photo of a finding not yet sent (a firm's batch item, an inspector's patrol finding): pending, on no
     * hazard, owned by the uploader ({@link #ownerOf}); the finding names its id and the intake attaches it to the
     * hazard the finding becomes or joins. Same checks as every photo.
     *
     * <p>A photo a finding can name (owned by an inspector or a firm) is announced by
     * {@code liuhua.hazard.evidence-uploaded.v1}, so that grid-service can check a patrol finding's photo ids at sync
     * time: a {@link PendingPhoto} inserted with the event in its outbox <em>after</em> the file is stored. A crash in
     * between leaves a photo nobody heard of (a sync naming it is refused, the app uploads again), never an announced
     * id without its file.
     */
    public Document uploadPending(Upload upload, Caller caller) {
        String owner = ownerOf(caller);
        Document metadata = store(upload, null, owner, caller.subject());
        if (owner.startsWith("inspector:") || owner.startsWith("firm:")) {
            pendingPhotos.insert(PendingPhoto.uploaded(metadata.getString("evidenceId"), owner, clock.instant()));
        }
        return metadata;
    }

    /** Who owns a pending photo: the firm (its client), the inspector (inspector id), else the token's subject. */
    public static String ownerOf(Caller caller) {
        String firm = AccessPolicy.firmOf(caller);
        if (firm != null) {
            return firmOwner(firm);
        }
        return caller.inspectorId() != null ? inspectorOwner(caller.inspectorId()) : "subject:" + caller.subject();
    }

    public static String firmOwner(String firmId) {
        return EvidenceUploaded.firmOwner(firmId);
    }

    public static String inspectorOwner(String inspectorId) {
        return EvidenceUploaded.inspectorOwner(inspectorId);
    }

    /**
     * The problem with each photo id a finding names, by its position (none: the map is empty): each must be a
     * pending photo of this owner, not attached to a hazard yet, named once.
     */
    public java.util.Map<Integer, String> problemsOf(List<String> photoIds, String owner) {
        java.util.Map<Integer, String> problems = new java.util.LinkedHashMap<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (int j = 0; j < photoIds.size(); j++) {
            String id = photoIds.get(j);
            GridFSFile file = id == null || id.length() > 64 ? null : find(id);
            if (file == null || file.getMetadata() == null || discarded(file.getMetadata())
                    || !owner.equals(file.getMetadata().getString("owner"))) {
                problems.put(j, "no photo " + id + " uploaded by you (upload it to /api/v1/evidence first)");
            } else if (file.getMetadata().getString("hazardId") != null) {
                problems.put(j, "photo " + id + " is already attached to a hazard");
            } else if (!named.add(id)) {
                problems.put(j, "photo " + id + " is named twice");
            }
        }
        return problems;
    }

    /**
     * Attaches the owner's pending photos to the hazard a finding became or joined, as BEFORE evidence. Idempotent
     * and safe to repeat after a crash: the photo is first bound to the hazard (a conditional update: only while
     * it is on no hazard), then added to the hazard unless it already holds it. A photo of someone else, or bound to
     * another hazard, is skipped (logged); so is one discarded as never attached (the bind requires it not to be
     * claimed by the sweep, and the sweep claims only a photo on no hazard: one of the two wins). Returns the photos the
     * hazard holds of these.
     */
    public int attach(String hazardId, List<String> photoIds, String owner, Actor actor) {
        int attached = 0;
        for (String id : photoIds) {
            GridFSFile file = id == null ? null : find(id);
            if (file == null || file.getMetadata() == null || !owner.equals(file.getMetadata().getString("owner"))
                    || (file.getMetadata().getString("hazardId") == null && discarded(file.getMetadata()))) {
                log.warn("photo {} of a finding on hazard {} is not a pending photo of {}; not attached", id,
                        hazardId, owner);
                continue;
            }
            Document m = file.getMetadata();
            if (m.getString("hazardId") == null) {
                mongo.updateFirst(new Query(Criteria.where("filename").is(id).and("metadata.hazardId").is(null)
                                .and("metadata." + DISCARDED_AT).is(null)),
                        new Update().set("metadata.hazardId", hazardId).set("metadata.phase", Phase.BEFORE.name()),
                        FILES);
                GridFSFile bound = find(id);
                if (bound == null || bound.getMetadata() == null) {
                    log.warn("photo {} of a finding on hazard {} was discarded meanwhile; not attached", id, hazardId);
                    continue;
                }
                m = bound.getMetadata();
            }
            if (!hazardId.equals(m.getString("hazardId"))) {
                log.warn("photo {} is attached to hazard {}, not to {}", id, m.getString("hazardId"), hazardId);
                continue;
            }
            if (loop.attachEvidence(hazardId, id, Phase.BEFORE.name(), m.getString("sha256"),
                    m.getString("contentType"), ((Number) m.get("size")).longValue(), actor)) {
                attached++;
            }
        }
        return attached;
    }

    private GridFSFile find(String evidenceId) {
        return gridFs.findOne(new Query(Criteria.where("filename").is(evidenceId)));
    }

    private Document store(Upload upload, String hazardId, String owner, String uploadedBy) {
        byte[] bytes = upload.bytes();
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "the photo is empty");
        }
        if (bytes.length > properties.evidenceMaxBytes()) {
            throw new InvalidInputException("file", "the photo is larger than " + properties.evidenceMaxBytes()
                    + " bytes");
        }
        String contentType = sniff(bytes);
        if (contentType == null) {
            throw new InvalidInputException("file", "only JPEG or PNG photos are accepted (checked from the content)");
        }
        if (upload.latitude() != null && (upload.latitude() < -90 || upload.latitude() > 90)) {
            throw new InvalidInputException("latitude", "must be between -90 and 90");
        }
        if (upload.longitude() != null && (upload.longitude() < -180 || upload.longitude() > 180)) {
            throw new InvalidInputException("longitude", "must be between -180 and 180");
        }
        String sha256 = sha256(bytes);
        String evidenceId = UUID.randomUUID().toString();
        Document metadata = new Document("evidenceId", evidenceId).append("hazardId", hazardId)
                .append("phase", upload.phase().name()).append("sha256", sha256).append("contentType", contentType)
                .append("size", (long) bytes.length)
                .append("capturedAt", upload.capturedAt() == null ? null : upload.capturedAt().toString())
                .append("latitude", upload.latitude()).append("longitude", upload.longitude())
                .append("exifDateTime", exifDate(bytes)).append("uploadedBy", uploadedBy)
                .append("originalName", upload.originalName()).append("owner", owner);
        gridFs.store(new ByteArrayInputStream(bytes), evidenceId, contentType, metadata);
        return metadata;
    }

    /** The photo if its hazard is within the caller's scope (a pending photo: its owner's), else 404. */
    public Stored load(String evidenceId, Caller caller) {
        var file = find(evidenceId);
        if (file == null || file.getMetadata() == null) {
            throw new NotFoundException("evidence", evidenceId);
        }
        String hazardId = file.getMetadata().getString("hazardId");
        if (hazardId == null) {
            if (discarded(file.getMetadata()) || !ownerOf(caller).equals(file.getMetadata().getString("owner"))) {
                throw new NotFoundException("evidence", evidenceId);
            }
        } else {
            hazards.requireVisible(hazardId, caller);
        }
        return new Stored(file.getMetadata(), gridFs.getResource(file));
    }

    /** Whether the sweep claimed this photo to discard it (its file may still be there for a moment). */
    static boolean discarded(Document metadata) {
        return metadata.get(DISCARDED_AT) != null;
    }

    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return MediaType.IMAGE_JPEG_VALUE;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length >= png.length) {
            for (int i = 0; i < png.length; i++) {
                if (b[i] != png[i]) {
                    return null;
                }
            }
            return MediaType.IMAGE_PNG_VALUE;
        }
        return null;
    }

    /** The first EXIF date (DateTimeOriginal or DateTime) of a JPEG's APP1 segment, when there is one. */
    static String exifDate(byte[] b) {
        if (b.length < 12 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return null;
        }
        int window = Math.min(b.length, 65536);
        String head = new String(b, 0, window, StandardCharsets.ISO_8859_1);
        if (!head.contains("Exif\0\0")) {
            return null;
        }
        Matcher m = EXIF_DATE.matcher(head);
        return m.find() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":" + m.group(5) + ":"
                + m.group(6) : null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
