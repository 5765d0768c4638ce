package org.liuhua.manual.card.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liuhua.manual.card.domain.Card;
import org.liuhua.manual.card.domain.CardKind;

final class CardViews {

    private CardViews() {
    }

    record CardView(String id, CardKind kind, String kindTitle, String establishmentId, String clusterId,
                    String townId, String departmentId, String ownerName, String postKey, String postName,
                    String title, Map<String, List<String>> parts, boolean publicCard, int revision,
                    String mobileUrl, String pdfUrl, String issuedBy, Instant issuedAt, String revisedBy,
                    Instant revisedAt) {

        static CardView of(Card c, String mobileUrl) {
            return new CardView(c.id(), c.kind(), c.kind().title(), c.establishmentId(), c.clusterId(), c.townId(),
                    c.departmentId(), c.ownerName(), c.postKey(), c.postName(), c.title(), c.parts(),
                    c.publicCard(), c.revision(), mobileUrl, "/api/v1/cards/" + c.id() + "/pdf", c.issuedBy(),
                    c.issuedAt(), c.revisedBy(), c.revisedAt());
        }
    }

    record CardSummary(String id, CardKind kind, String establishmentId, String clusterId, String townId,
                       String postKey, String postName, String title, boolean publicCard, int revision,
                       Instant revisedAt) {

        static CardSummary of(Card c) {
            return new CardSummary(c.id(), c.kind(), c.establishmentId(), c.clusterId(), c.townId(), c.postKey(),
                    c.postName(), c.title(), c.publicCard(), c.revision(), c.revisedAt());
        }
    }

    record IssueRequest(@io.swagger.v3.oas.annotations.media.Schema(
                                requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)
                        CardKind kind, String establishmentId, String clusterId, String townId, String ownerName,
                        String postKey, String title, Map<String, List<String>> parts, Boolean publicCard) {
    }

    record ReviseRequest(String title, Map<String, List<String>> parts, Boolean publicCard) {
    }
}
