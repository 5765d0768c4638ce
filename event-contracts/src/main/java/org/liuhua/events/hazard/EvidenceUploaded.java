package org.liuhua.events.hazard;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A finding's photo was uploaded pending ({@code POST /api/v1/evidence}, ADR 0012): stored in hazard-service's
 * evidence store, on no hazard yet, owned by its uploader. Lets other services check the photo ids a finding names
 * without calling hazard-service (grid-service refuses a patrol finding's unknown or foreign photo id at sync time).
 * No bytes, no personal data. Key: {@code evidenceId}.
 *
 * @param evidenceId the photo id the upload answered (what a finding's {@code photoIds} name)
 * @param owner      who may name it on a finding: {@code inspector:<inspector id>} or {@code firm:<client id>}
 *                   ({@code subject:<token subject>} for an uploader that is neither)
 * @param uploadedAt when it was stored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.evidence-uploaded.v1", topic = Topics.HAZARD)
public record EvidenceUploaded(
        String evidenceId,
        String owner,
        Instant uploadedAt) {

    /** The {@code owner} of a photo an inspector uploaded: what a patrol finding of that inspector may name. */
    public static String inspectorOwner(String inspectorId) {
        return "inspector:" + inspectorId;
    }

    /** The {@code owner} of a photo a third-party firm uploaded: what that firm's findings may name. */
    public static String firmOwner(String firmId) {
        return "firm:" + firmId;
    }
}
