package org.liuhua.kit.outbox;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.TooManyRequestsException;
import org.liuhua.kit.web.DateBound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Endpoints of the test service that fail in each of the ways a request can fail, for the problem answers IT. */
@RestController
public class ProbeController {

    public record Item(String name, LocalDate due) {
    }

    public record Dated(@NotBlank String title, LocalDate deadline, List<Item> items) {
    }

    /** A date bounded to the future and a reference to another object, for the API document's hints. */
    public record Planned(@DateBound(DateBound.Side.FUTURE_OR_PRESENT) LocalDate due, @PastOrPresent Instant noticedAt,
                          String establishmentId) {
    }

    public enum Kind { ARRIVED, LEFT }

    public record CheckIn(@NotBlank String establishmentId, Instant deviceTime, Kind kind, String note) {
    }

    /** A batch like a patrol sync: the JSON paths of its errors go through a list. */
    public record Sync(@NotBlank String patrolId, OffsetDateTime at, List<CheckIn> checkIns, String note) {
    }

    private final AtomicInteger created = new AtomicInteger();

    @PostMapping(path = "/api/v1/probes/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    Sync sync(@Valid @RequestBody Sync body) {
        return body;
    }

    /** Only a city admin may call it; a body that fails validation is a 400 only for those who may. */
    @PostMapping(path = "/api/v1/probes/guarded", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CITY_ADMIN')")
    Dated guarded(@Valid @RequestBody Dated body) {
        return body;
    }

    /** Creates something countable (each call a new number), slowly when asked: for the idempotency tests. */
    @PostMapping(path = "/api/v1/probes/counters", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, Object>> count(@RequestBody Map<String, Object> body) throws InterruptedException {
        if (body.get("label") == null) {
            throw new InvalidInputException("label", "is required");
        }
        if (body.get("slow") instanceof Number millis) {
            Thread.sleep(millis.longValue());
        }
        int number = created.incrementAndGet();
        return ResponseEntity.created(URI.create("/api/v1/probes/counters/" + number))
                .body(Map.of("number", number, "label", body.get("label")));
    }

    @GetMapping("/api/v1/probes/counters/total")
    Map<String, Object> total() {
        return Map.of("total", created.get());
    }

    /** The client's address as the service sees it (after the trusted proxies). */
    @GetMapping("/api/v1/probes/client")
    Map<String, Object> client(HttpServletRequest request) {
        return Map.of("address", request.getRemoteAddr());
    }

    @GetMapping("/api/v1/probes/limited")
    Map<String, Object> limited() {
        throw new TooManyRequestsException("five reports an hour from one address", Duration.ofMillis(90_500));
    }

    @GetMapping("/api/v1/probes/illegal")
    Map<String, Object> illegal() {
        throw new IllegalArgumentException("a bug in the service, not bad input");
    }

    @PostMapping(path = {"/api/v1/probes/dated", "/api/v1/public/probes/dated"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Dated dated(@Valid @RequestBody Dated body) {
        return body;
    }

    @PostMapping(path = "/api/v1/probes/planned", consumes = MediaType.APPLICATION_JSON_VALUE)
    Planned planned(@RequestBody Planned body) {
        return body;
    }

    @GetMapping("/api/v1/probes/counted")
    Map<String, Object> counted(@RequestParam int count) {
        return Map.of("count", count);
    }

    @GetMapping(path = "/api/v1/probes/csv", produces = "text/csv")
    String csv() {
        return "a,b\n";
    }

    @PostMapping(path = "/api/v1/probes/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(@RequestPart("file") MultipartFile file) {
        return Map.of("size", file.getSize());
    }

    /** An answer made outside Spring MVC's exception handling: the container's error page. */
    @GetMapping("/api/v1/probes/unavailable")
    void unavailable(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "down for maintenance");
    }
}
