package org.liuhua.training.certificate.web;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.certificate.Certificates;
import org.liuhua.training.certificate.domain.Certificate;
import org.liuhua.training.establishment.TrainingScope;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Certificates of the three certified roles (T-4) and the establishments' reminder inbox. */
@Tag(name = "Certificates", description = "三项岗位人员 certificates, expiry reminders (inbox)")
@RestController
class CertificateController {

    private final Certificates certificates;
    private final TrainingScope scopes;
    private final CityCalendar calendar;

    CertificateController(Certificates certificates, TrainingScope scopes, CityCalendar calendar) {
        this.certificates = certificates;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    record NewCertificate(String staffId, String role, String category, String number, String issuer,
                          LocalDate issuedOn, LocalDate expiresOn) {
    }

    @Operation(summary = "Register a certificate (role defaults to the person's role); a newer one of the same"
            + " category supersedes the older")
    @PostMapping("/api/v1/training/certificates")
    @PreAuthorize(Access.KEEPERS)
    ResponseEntity<CertificateView> register(@RequestBody NewCertificate body) {
        Certificate c = certificates.register(body.staffId(), body.role(), body.category(), body.number(),
                body.issuer(), body.issuedOn(), body.expiresOn(), scopes.current(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/training/certificates/" + c.id()))
                .body(CertificateView.of(c, calendar.today()));
    }

    @Operation(summary = "Certificates within the caller's scope; expiringWithinDays lists ACTIVE ones expiring soon")
    @GetMapping("/api/v1/training/certificates")
    @PreAuthorize(Access.READERS)
    PageResponse<CertificateView> list(@RequestParam(required = false) String establishmentId,
                                       @RequestParam(required = false) String townId,
                                       @RequestParam(required = false) String staffId,
                                       @RequestParam(required = false) Integer expiringWithinDays,
                                       @SortableBy(value = {"expiresOn", "issuedOn"}, byDefault = "expiresOn,asc")
                                       PageQuery page) {
        LocalDate today = calendar.today();
        return PageResponse.of(certificates.list(establishmentId, townId, staffId, expiringWithinDays,
                scopes.current(), page.pageable()), c -> CertificateView.of(c, today));
    }

    @Operation(summary = "One certificate (404 outside the caller's scope)")
    @GetMapping("/api/v1/training/certificates/{id}")
    @PreAuthorize(Access.READERS)
    CertificateView get(@PathVariable String id) {
        return CertificateView.of(certificates.get(id, scopes.current()), calendar.today());
    }

    @Operation(summary = "The reminder inbox: each certificate-expiry reminder once, per establishment")
    @GetMapping("/api/v1/training/inbox")
    @PreAuthorize(Access.READERS)
    PageResponse<CertificateView.Reminder> inbox(@RequestParam(required = false) String establishmentId,
                                                 @RequestParam(required = false) Boolean unread,
                                                 @SortableBy(value = {"remindedAt", "expiresOn"},
                                                         byDefault = "remindedAt,desc") PageQuery page) {
        return PageResponse.of(certificates.inbox(establishmentId, unread, scopes.current(), page.pageable()),
                CertificateView.Reminder::of);
    }

    @Operation(summary = "Mark a reminder as read")
    @PostMapping("/api/v1/training/inbox/{id}/acknowledgement")
    @PreAuthorize(Access.KEEPERS)
    CertificateView.Reminder acknowledge(@PathVariable String id) {
        return CertificateView.Reminder.of(certificates.acknowledge(id, scopes.current(), Caller.current()));
    }
}
