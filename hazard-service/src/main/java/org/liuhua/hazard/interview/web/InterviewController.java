package org.liuhua.hazard.interview.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liuhua.hazard.access.CityWideOrOfficer;
import org.liuhua.hazard.access.Officer;
import org.liuhua.hazard.interview.Interviews;
import org.liuhua.hazard.interview.domain.Interview;
import org.liuhua.hazard.interview.domain.InterviewDraft;
import org.liuhua.kit.security.Caller;
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

    private final Interviews interviews;

    InterviewController(Interviews interviews) {
        this.interviews = interviews;
    }

    @PostMapping("/api/v1/hazards/interviews")
    @Officer
    ResponseEntity<InterviewView> record(@RequestBody InterviewDraft draft) {
        Interview interview = interviews.record(draft, Caller.current());
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
