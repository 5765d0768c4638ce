package org.liuhua.hazard.interview.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.access.CityWideOrOfficer;
import org.liuhua.hazard.access.Officer;
import org.liuhua.hazard.interview.Interviews;
import org.liuhua.hazard.interview.domain.Interview;
import org.liuhua.hazard.interview.domain.InterviewDraft;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.DateBound;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Warning interviews (约谈警示): record one, list them (paged, scoped). */
@RestController
class InterviewController {

    record InterviewView(String id, String establishmentId, String establishmentName, String townId,
                         String departmentId, LocalDate heldOn, String month, String reason, List<String> attendees,
                         List<String> relatedHazardIds, String recordedByName, String recorderRole,
                         Instant recordedAt) {

        static InterviewView of(Interview i) {
            return new InterviewView(i.id(), i.establishmentId(), i.establishmentName(), i.townId(),
                    i.departmentId(), i.heldOn(), i.month(), i.reason(), i.attendees(), i.relatedHazardIds(),
                    i.recordedByName(), i.recorderRole(), i.recordedAt());
        }
    }

    /**
     * The interview as submitted. The annotations document the request (what is required, that {@code heldOn} is a
     * past day, the sizes); the checks themselves are {@link InterviewDraft#problems}, which names every bad field at
     * once, so nothing here is validated on its own.
     */
    record InterviewRequest(
            @NotBlank @Size(max = InterviewDraft.MAX_ID) String establishmentId,
            @NotBlank @Schema(type = "string", format = "date", example = "2026-11-18")
            @DateBound(DateBound.Side.PAST_OR_PRESENT) String heldOn,
            @Size(max = InterviewDraft.MAX_ID) String departmentId,
            @NotBlank @Size(max = InterviewDraft.MAX_REASON) String reason,
            @NotEmpty @Size(min = 1, max = InterviewDraft.MAX_ATTENDEES) List<@NotBlank @Size(max = 100) String> attendees,
            @Size(max = InterviewDraft.MAX_HAZARDS) List<@NotBlank @Size(max = InterviewDraft.MAX_ID) String>
                    relatedHazardIds) {

        InterviewDraft toDraft() {
            return new InterviewDraft(establishmentId, heldOn, departmentId, reason, attendees, relatedHazardIds);
        }
    }

    private final Interviews interviews;

    InterviewController(Interviews interviews) {
        this.interviews = interviews;
    }

    @PostMapping("/api/v1/hazards/interviews")
    @Officer
    ResponseEntity<InterviewView> record(@RequestBody InterviewRequest request) {
        Interview interview = interviews.record(request.toDraft(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/hazards/interviews?establishmentId="
                + interview.establishmentId())).body(InterviewView.of(interview));
    }

    @GetMapping("/api/v1/hazards/interviews")
    @CityWideOrOfficer
    PageResponse<InterviewView> list(@RequestParam(required = false) String establishmentId,
            @SortableBy(value = {"heldOn"}, byDefault = "heldOn,desc") PageQuery page) {
        return PageResponse.of(interviews.list(establishmentId, Caller.current(), page.pageable()),
                InterviewView::of);
    }
}
