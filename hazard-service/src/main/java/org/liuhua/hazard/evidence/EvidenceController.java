package org.liuhua.hazard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.liuhua.hazard.hazard.Hazard;
import org.liuhua.hazard.hazard.HazardProperties;
import org.liuhua.hazard.hazard.Hazards;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence photos (H-8): JPEG or PNG (checked from the bytes, not the declared type), at most
 * {@code liuhua.hazard.evidence-max-bytes}, stored in GridFS with SHA-256, phase, capture time and position from the
 * client and the EXIF date when present; attached to the hazard by an evidence-added event. Readable by those who
 * can see the hazard.
 */
@RestController
class EvidenceController {

    private static final Pattern EXIF_DATE = Pattern.compile("(\\d{4}):(\\d{2}):(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");

    private final Hazards hazards;
    private final GridFsTemplate gridFs;
    private final MongoTemplate mongo;
    private final HazardProperties properties;

    EvidenceController(Hazards hazards, MongoDatabaseFactory factory, MongoTemplate mongo,
                       HazardProperties properties) {
        this.hazards = hazards;
        this.gridFs = new GridFsTemplate(factory, mongo.getConverter(), "evidence");
        this.mongo = mongo;
        this.properties = properties;
    }

    @PostMapping(path = "/api/v1/hazards/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("!hasRole('COCKPIT_VIEWER') or hasRole('CITY_ADMIN')")
    ResponseEntity<EvidenceView> upload(@PathVariable String id, @RequestParam("file") MultipartFile file,
                                        @RequestParam(defaultValue = "BEFORE") Phase phase,
                                        @RequestParam(required = false) Instant capturedAt,
                                        @RequestParam(required = false) Double latitude,
                                        @RequestParam(required = false) Double longitude) throws IOException {
        Caller caller = Caller.current();
        Hazard hazard = hazards.get(id, caller);
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "the photo is empty");
        }
        if (file.getSize() > properties.evidenceMaxBytes()) {
            throw new InvalidInputException("file", "the photo is larger than " + properties.evidenceMaxBytes()
                    + " bytes");
        }
        byte[] bytes = file.getBytes();
        String contentType = sniff(bytes);
        if (contentType == null) {
            throw new InvalidInputException("file", "only JPEG or PNG photos are accepted (checked from the content)");
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            throw new InvalidInputException(List.of(new FieldProblem("latitude", "must be between -90 and 90")));
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            throw new InvalidInputException(List.of(new FieldProblem("longitude", "must be between -180 and 180")));
        }
        String sha256 = sha256(bytes);
        String evidenceId = UUID.randomUUID().toString();
        Document metadata = new Document("evidenceId", evidenceId).append("hazardId", id)
                .append("phase", phase.name()).append("sha256", sha256).append("contentType", contentType)
                .append("size", (long) bytes.length).append("capturedAt", capturedAt == null ? null : capturedAt.toString())
                .append("latitude", latitude).append("longitude", longitude).append("exifDateTime", exifDate(bytes))
                .append("uploadedBy", caller.subject()).append("originalName", file.getOriginalFilename());
        gridFs.store(new java.io.ByteArrayInputStream(bytes), evidenceId, contentType, metadata);
        hazards.addEvidence(hazard, evidenceId, phase.name(), sha256, contentType, bytes.length, caller);
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + evidenceId)).body(EvidenceView.of(metadata));
    }

    @GetMapping("/api/v1/evidence/{evidenceId}")
    EvidenceView metadata(@PathVariable String evidenceId) {
        return EvidenceView.of(load(evidenceId).metadata());
    }

    @GetMapping("/api/v1/evidence/{evidenceId}/content")
    ResponseEntity<byte[]> content(@PathVariable String evidenceId) throws IOException {
        Stored stored = load(evidenceId);
        try (InputStream in = stored.resource().getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.metadata().getString("contentType")))
                    .header("X-Content-SHA256", stored.metadata().getString("sha256")).body(in.readAllBytes());
        }
    }

    private Stored load(String evidenceId) {
        var file = gridFs.findOne(new Query(Criteria.where("filename").is(evidenceId)));
        if (file == null || file.getMetadata() == null) {
            throw new NotFoundException("evidence", evidenceId);
        }
        hazards.get(file.getMetadata().getString("hazardId"), Caller.current()); // 404 outside the caller's scope
        GridFsResource resource = gridFs.getResource(file);
        return new Stored(file.getMetadata(), resource);
    }

    record Stored(Document metadata, GridFsResource resource) {
    }

    enum Phase { BEFORE, AFTER }

    record EvidenceView(String evidenceId, String hazardId, String phase, String sha256, String contentType, long size,
                        String capturedAt, Double latitude, Double longitude, String exifDateTime, String uploadedBy) {

        static EvidenceView of(Document m) {
            Number size = (Number) m.get("size");
            return new EvidenceView(m.getString("evidenceId"), m.getString("hazardId"), m.getString("phase"),
                    m.getString("sha256"), m.getString("contentType"), size == null ? 0 : size.longValue(),
                    m.getString("capturedAt"), (Double) m.get("latitude"), (Double) m.get("longitude"),
                    m.getString("exifDateTime"), m.getString("uploadedBy"));
        }
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
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
