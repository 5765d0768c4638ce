package org.liuhua.manual.acknowledgement.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.manual.acknowledgement.Acknowledgements;
import org.liuhua.manual.acknowledgement.domain.Acknowledgement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Acknowledgements", description = "Staff acknowledge reading their establishment's cards (M-4)")
class AcknowledgementController {

    record AcknowledgementView(String id, String cardId, int cardRevision, String establishmentId, String staffId,
                               String staffName, Instant acknowledgedAt) {

        static AcknowledgementView of(Acknowledgement a) {
            return new AcknowledgementView(a.id(), a.cardId(), a.cardRevision(), a.establishmentId(), a.staffId(),
                    a.staffName(), a.acknowledgedAt());
        }
    }

    private final Acknowledgements acknowledgements;

    AcknowledgementController(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @PostMapping("/api/v1/cards/{cardId}/acknowledgements")
    @Operation(summary = "Acknowledge having read the card's current revision (201 the first time, 200 after)")
    ResponseEntity<AcknowledgementView> acknowledge(@PathVariable String cardId) {
        Acknowledgements.Acknowledged result = acknowledgements.acknowledge(Caller.current(), cardId);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(AcknowledgementView.of(result.acknowledgement()));
    }

    @GetMapping("/api/v1/acknowledgements")
    @Operation(summary = "Acknowledgements: staff see their own, an enterprise its staff's, towns and departments "
            + "those in their scope")
    PageResponse<AcknowledgementView> list(@RequestParam(required = false) String cardId,
                                           @RequestParam(required = false) String establishmentId,
                                           @SortableBy(value = {"acknowledgedAt"}, byDefault = "acknowledgedAt,desc")
                                           PageQuery page) {
        return PageResponse.of(acknowledgements.list(Caller.current(), cardId, establishmentId, page),
                AcknowledgementView::of);
    }
}
