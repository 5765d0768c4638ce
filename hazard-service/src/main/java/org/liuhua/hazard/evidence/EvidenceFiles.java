package org.liuhua.hazard.evidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
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
 * can see the hazard.
 */
@Service
public class EvidenceFiles {

    /** The GridFS bucket: {@code evidence.files} and {@code evidence.chunks}. */
    static final String BUCKET = "evidence";
    private static final Pattern EXIF_DATE = Pattern.compile("(\\d{4}):(\\d{2}):(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");

    private final LoopCommands loop;
    private final HazardQueries hazards;
    private final GridFsTemplate gridFs;
    private final HazardProperties properties;

    EvidenceFiles(LoopCommands loop, HazardQueries hazards, MongoDatabaseFactory factory, MongoTemplate mongo,
                  HazardProperties properties) {
        this.loop = loop;
        this.hazards = hazards;
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
                .append("exifDateTime", exifDate(bytes)).append("uploadedBy", caller.subject())
                .append("originalName", upload.originalName());
        gridFs.store(new ByteArrayInputStream(bytes), evidenceId, contentType, metadata);
        loop.addEvidence(hazardId, evidenceId, upload.phase().name(), sha256, contentType, bytes.length, caller);
        return metadata;
    }

    /** The photo if its hazard is within the caller's scope, else 404. */
    public Stored load(String evidenceId, Caller caller) {
        var file = gridFs.findOne(new Query(Criteria.where("filename").is(evidenceId)));
        if (file == null || file.getMetadata() == null) {
            throw new NotFoundException("evidence", evidenceId);
        }
        hazards.requireVisible(file.getMetadata().getString("hazardId"), caller);
        return new Stored(file.getMetadata(), gridFs.getResource(file));
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
