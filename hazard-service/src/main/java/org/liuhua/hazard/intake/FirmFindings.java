package org.liuhua.hazard.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.hazard.loop.HazardStore;
import org.liuhua.hazard.loop.domain.Corroboration;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.web.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A firm's findings as it follows them (H-7): every hazard holding one of its findings, whether the finding opened
 * it or joined another source's ticket as a corroboration, with the hazard's current state. The firm sees no more
 * of the hazard than this (no reporter, no history): the whole hazard stays within the officers' scope.
 */
@Service
public class FirmFindings {

    private final HazardStore store;

    FirmFindings(HazardStore store) {
        this.store = store;
    }

    /** One of the firm's findings: its own reference, whether it joined, when it was entered. */
    public record Finding(String externalId, boolean joined, Instant enteredAt) {
    }

    /** A hazard holding the firm's findings, as the firm sees it. */
    public record Item(String hazardId, String state, String establishmentId, String category, String severity,
                       LocalDate deadline, boolean overdue, Instant reportedAt, Instant closedAt,
                       int evidenceCount, List<Finding> findings) {
    }

    /** The hazards holding the firm's findings, optionally in one state. */
    public Page<Item> list(String firmId, HazardState state, PageQuery page) {
        Criteria holds = new Criteria().orOperator(Criteria.where("firmId").is(firmId),
                Criteria.where("corroborations.firmId").is(firmId));
        Criteria criteria = state == null ? holds : new Criteria().andOperator(holds,
                Criteria.where("state").is(state));
        return store.page(new Query(criteria), page.pageable()).map(h -> item(h, firmId));
    }

    /** The hazard holding the firm's finding with this reference (404 when the firm sent none). */
    public Item get(String firmId, String externalId) {
        String key = "THIRD_PARTY:" + firmId + ":" + externalId;
        return store.find(new Query(Criteria.where("sourceKey").is(key))).stream().findFirst()
                .or(() -> store.find(new Query(Criteria.where("corroborations.sourceKey").is(key))).stream()
                        .findFirst())
                .map(h -> item(h, firmId)).orElseThrow(() -> new NotFoundException("finding", externalId));
    }

    private static Item item(Hazard h, String firmId) {
        List<Finding> findings = new ArrayList<>();
        if (firmId.equals(h.firmId())) {
            findings.add(new Finding(h.sourceRef(), false, h.reportedAt()));
        }
        for (Corroboration c : h.corroborations()) {
            if (firmId.equals(c.firmId())) {
                findings.add(new Finding(c.sourceRef(), true, c.at()));
            }
        }
        return new Item(h.id(), h.state().name(), h.establishmentId(), h.category(), h.severity().name(),
                h.deadline(), h.overdue(), h.reportedAt(), h.closedAt(), h.evidenceIds().size(), findings);
    }
}
