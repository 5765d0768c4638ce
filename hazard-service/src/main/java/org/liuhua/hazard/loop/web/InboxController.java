package org.liuhua.hazard.loop.web;

import org.liuhua.hazard.access.Officer;
import org.liuhua.hazard.loop.Inbox;
import org.liuhua.kit.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox of the officer calling: what needs them now, by their role and scope. */
@RestController
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/hazards/inbox")
    @Officer
    Inbox.View inbox(@RequestParam(defaultValue = "20") int size) {
        return inbox.of(Caller.current(), size);
    }
}
