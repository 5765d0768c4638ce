package org.liuhua.events.hazard;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A finding's photo uploaded pending ({@link EvidenceUploaded}) was never attached to a hazard and has been discarded
 * (ADR 0012, amendment "pending photos are discarded"): older than {@code liuhua.hazard.pending-photos.max-age} and
 * still on no hazard, its bytes are deleted and no finding can name it any more. Published only for a photo whose
 * upload was announced, at most once per photo, and only once the photo can no longer be attached. No bytes, no
 * personal data. Key: {@code evidenceId}.
 *
 * @param evidenceId  the photo id its upload answered
 * @param owner       whose photo it was: {@code inspector:<inspector id>} or {@code firm:<client id>}
 * @param uploadedAt  when it was stored
 * @param discardedAt when it was discarded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.evidence-discarded.v1", topic = Topics.HAZARD)
public record EvidenceDiscarded(
        String evidenceId,
        String owner,
        Instant uploadedAt,
        Instant discardedAt) {
}
