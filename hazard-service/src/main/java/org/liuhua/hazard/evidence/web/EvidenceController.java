package org.liuhua.hazard.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;

import org.bson.Document;
import org.liuhua.hazard.access.InspectorOrFirm;
import org.liuhua.hazard.access.NotReadOnly;
import org.liuhua.hazard.evidence.EvidenceFiles;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence photos of a hazard (H-8): upload as multipart, metadata and bytes within the hazard's scope. */
@RestController
class EvidenceController {

    private final EvidenceFiles evidence;

    EvidenceController(EvidenceFiles evidence) {
        this.evidence = evidence;
    }

    /**
     * A photo as the multipart part {@code file}; a request without one (no part, an empty part, or no multipart
     * body at all) is a 400 naming {@code file}.
     */
    @PostMapping(path = "/api/v1/hazards/{id}/evidence")
    @NotReadOnly
    ResponseEntity<EvidenceView> upload(@PathVariable String id,
                                        @RequestParam(name = "file", required = false) MultipartFile file,
                                        @RequestParam(defaultValue = "BEFORE") EvidenceFiles.Phase phase,
                                        @RequestParam(required = false) Instant capturedAt,
                                        @RequestParam(required = false) Double latitude,
                                        @RequestParam(required = false) Double longitude) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "a JPEG or PNG photo is required as the multipart/form-data "
                    + "part 'file'");
        }
        Document metadata = evidence.upload(id, new EvidenceFiles.Upload(file.getBytes(), file.getOriginalFilename(),
                phase, capturedAt, latitude, longitude), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + metadata.getString("evidenceId")))
                .body(EvidenceView.of(metadata));
    }

    /**
     * A photo of a finding not sent yet (an inspector's patrol finding, a firm's batch item): stored pending, owned by
     * the uploader; the finding names the answered {@code evidenceId} in its {@code photoIds} and it becomes BEFORE
     * evidence of the hazard the finding becomes or joins. Same limits as every photo; 400 {@code file} without one.
     */
    @PostMapping(path = "/api/v1/evidence")
    @InspectorOrFirm
    ResponseEntity<EvidenceView> uploadPending(@RequestParam(name = "file", required = false) MultipartFile file,
                                               @RequestParam(required = false) Instant capturedAt,
                                               @RequestParam(required = false) Double latitude,
                                               @RequestParam(required = false) Double longitude) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "a JPEG or PNG photo is required as the multipart/form-data "
                    + "part 'file'");
        }
        Document metadata = evidence.uploadPending(new EvidenceFiles.Upload(file.getBytes(),
                file.getOriginalFilename(), EvidenceFiles.Phase.BEFORE, capturedAt, latitude, longitude),
                Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + metadata.getString("evidenceId")))
                .body(EvidenceView.of(metadata));
    }

    @GetMapping("/api/v1/evidence/{evidenceId}")
    EvidenceView metadata(@PathVariable String evidenceId) {
        return EvidenceView.of(evidence.load(evidenceId, Caller.current()).metadata());
    }

    @GetMapping("/api/v1/evidence/{evidenceId}/content")
    ResponseEntity<byte[]> content(@PathVariable String evidenceId) throws IOException {
        EvidenceFiles.Stored stored = evidence.load(evidenceId, Caller.current());
        try (InputStream in = stored.content().getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.metadata().getString("contentType")))
                    .header("X-Content-SHA256", stored.metadata().getString("sha256")).body(in.readAllBytes());
        }
    }

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
}
