package org.liuhua.manual.card.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.manual.card.Cards;
import org.liuhua.manual.card.domain.Card;
import org.liuhua.manual.card.domain.CardKind;
import org.liuhua.manual.card.web.CardViews.CardSummary;
import org.liuhua.manual.card.web.CardViews.CardView;
import org.liuhua.manual.card.web.CardViews.IssueRequest;
import org.liuhua.manual.card.web.CardViews.ReviseRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cards")
@Tag(name = "Cards", description = "One-page cards: post safety cards, risk-notice and emergency cards, the "
        + "\"三单两卡一图一牌\" of clusters; printable PDF with a QR code (M-3, M-5)")
class CardController {

    private final Cards cards;

    CardController(Cards cards) {
        this.cards = cards;
    }

    // who may issue or revise a card at all; which establishment's or town's, Cards decides with the card in hand
    @PostMapping
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','ENTERPRISE_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a card; every part its kind requires must be there (400 names each missing part)")
    CardView issue(@RequestBody IssueRequest body) {
        Card card = cards.issue(Caller.current(), new Cards.IssueCard(body.kind(), body.establishmentId(),
                body.clusterId(), body.townId(), body.ownerName(), body.postKey(), body.title(), body.parts(),
                Boolean.TRUE.equals(body.publicCard())));
        return CardView.of(card, cards.url(card));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','ENTERPRISE_OFFICER')")
    @Operation(summary = "Revise a card (its revision goes up; staff acknowledge the new revision)")
    CardView revise(@PathVariable String id, @RequestBody ReviseRequest body) {
        Card card = cards.revise(Caller.current(), id, body.title(), body.parts(),
                Boolean.TRUE.equals(body.publicCard()));
        return CardView.of(card, cards.url(card));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A card")
    CardView get(@PathVariable String id) {
        Card card = cards.get(Caller.current(), id);
        return CardView.of(card, cards.url(card));
    }

    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The card printed on one A4 page, with a QR code that opens it on a phone")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Card card = cards.get(Caller.current(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + card.id() + ".pdf\"")
                .body(cards.pdf(card));
    }

    @GetMapping
    @Operation(summary = "Cards in the caller's scope, by establishment, cluster or kind")
    PageResponse<CardSummary> list(@RequestParam(required = false) String establishmentId,
                                   @RequestParam(required = false) String clusterId,
                                   @RequestParam(required = false) CardKind kind,
                                   @SortableBy(value = {"revisedAt", "kind", "postKey"}, byDefault = "revisedAt,desc")
                                   PageQuery page) {
        return PageResponse.of(cards.list(Caller.current(), establishmentId, clusterId, kind, page),
                CardSummary::of);
    }
}
