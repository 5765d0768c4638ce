package org.liuhua.reporting.audit.web;

import java.time.Instant;

import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.reporting.audit.AuditEntry;
import org.liuhua.reporting.audit.AuditLog;
import org.liuhua.reporting.audit.domain.AuditFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who did what, city-wide (S-4): the bureau only. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * Audit entries, newest first.
     *
     * @param subject  token subject or user name
     * @param action   action or its beginning, e.g. {@code POST /api/v1/hazards}
     * @param targetId the object acted on
     * @param from     ISO instant, inclusive
     * @param to       ISO instant, exclusive
     */
    @GetMapping
    @PreAuthorize("hasRole('CITY_ADMIN')")
    public PageResponse<AuditEntry> find(@RequestParam(required = false) String subject,
                                         @RequestParam(required = false) String action,
                                         @RequestParam(required = false) String targetId,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                         @SortableBy(value = "occurredAt", byDefault = "occurredAt,desc")
                                         PageQuery page) {
        return PageResponse.of(auditLog.find(new AuditFilter(subject, action, targetId, from, to), page));
    }
}
