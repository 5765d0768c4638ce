package org.liuhua.events.hazard;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The city amended what a third-party firm's contract covers (H-7): the establishments, towns and patrol units after
 * the amendment (each list whole, not a difference), with the reason. Key: {@code contractId}. Not a hazard's
 * life-cycle event: it carries no hazard snapshot. {@code amendedBy} is the subject of the officer who amended it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.contract-amended.v1", topic = Topics.HAZARD)
public record ContractAmended(
        String contractId,
        String firmId,
        List<String> establishmentIds,
        List<String> townIds,
        List<String> unitIds,
        String reason,
        String amendedBy,
        Instant amendedAt) {

    public ContractAmended {
        establishmentIds = establishmentIds == null ? List.of() : List.copyOf(establishmentIds);
        townIds = townIds == null ? List.of() : List.copyOf(townIds);
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }
}
