package org.liuhua.reporting.admin.web;

import org.liuhua.reporting.admin.RebuildStatus;
import org.liuhua.reporting.admin.Rebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilding the read models from the topics (ADR 9), for the city administrator. Called on the service inside the
 * cluster only: no gateway route leads here, so it is not part of the API document whose server is the gateway.
 */
@io.swagger.v3.oas.annotations.Hidden
@RestController
@RequestMapping("/api/v1/admin/rebuild")
@PreAuthorize("hasRole('CITY_ADMIN')")
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Starts building the next generation beside the live one: 202 with the status; 409 while one is running. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus start() {
        return rebuilds.start();
    }

    @GetMapping
    RebuildStatus status() {
        return rebuilds.status();
    }
}
