package org.liuhua.kit.outbox;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Endpoints of the test service that fail in each of the ways a request can fail, for the problem answers IT. */
@RestController
public class ProbeController {

    public record Item(String name, LocalDate due) {
    }

    public record Dated(@NotBlank String title, LocalDate deadline, List<Item> items) {
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
