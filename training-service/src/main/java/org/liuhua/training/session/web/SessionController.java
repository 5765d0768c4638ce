package org.liuhua.training.session.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.establishment.TrainingScope;
import org.liuhua.training.session.Sessions;
import org.liuhua.training.session.domain.Session;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sessions (T-3): 班前班后五分钟, 一季一课, 开工第一课, "211", 一述三评 / 一述四评一诺. */
@Tag(name = "Sessions", description = "Shift briefings, quarterly principal lectures, season-opening lessons,"
        + " 211 training, principal reviews")
@RestController
@RequestMapping("/api/v1/training/sessions")
class SessionController {

    private final Sessions sessions;
    private final TrainingScope scopes;

    SessionController(Sessions sessions, TrainingScope scopes) {
        this.sessions = sessions;
        this.scopes = scopes;
    }

    @Operation(summary = "Record a session; a QUARTERLY_LECTURE whose lecturer is not the establishment's principal"
            + " is refused with 422 (rule QUARTERLY_LECTURE_BY_PRINCIPAL)")
    @PostMapping
    @PreAuthorize(Access.KEEPERS)
    ResponseEntity<SessionView> hold(@RequestBody Sessions.HoldSession body) {
        Session s = sessions.hold(body, scopes.current(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/training/sessions/" + s.id())).body(SessionView.of(s));
    }

    @Operation(summary = "Sessions within the caller's scope", description = "Filters: establishmentId, townId, type,"
            + " month (yyyy-MM).")
    @GetMapping
    @PreAuthorize(Access.OFFICIALS)
    PageResponse<SessionView> list(@RequestParam(required = false) String establishmentId,
                               @RequestParam(required = false) String townId,
                               @RequestParam(required = false) String type,
                               @RequestParam(required = false) String month,
                               @SortableBy(value = {"heldOn", "recordedAt"}, byDefault = "heldOn,desc")
                               PageQuery page) {
        return PageResponse.of(sessions.list(establishmentId, townId, type, month, scopes.current(),
                page.pageable()), SessionView::of);
    }

    @Operation(summary = "One session (404 outside the caller's scope)")
    @GetMapping("/{id}")
    @PreAuthorize(Access.OFFICIALS)
    SessionView get(@PathVariable String id) {
        return SessionView.of(sessions.get(id, scopes.current()));
    }
}
