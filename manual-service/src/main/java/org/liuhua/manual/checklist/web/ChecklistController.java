package org.liuhua.manual.checklist.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.manual.checklist.ChecklistItems;
import org.liuhua.manual.checklist.ChecklistRuns;
import org.liuhua.manual.checklist.domain.ChecklistRun;
import org.liuhua.manual.checklist.domain.RunSource;
import org.liuhua.manual.checklist.web.ChecklistViews.ItemView;
import org.liuhua.manual.checklist.web.ChecklistViews.PhotoView;
import org.liuhua.manual.checklist.web.ChecklistViews.ResultsRequest;
import org.liuhua.manual.checklist.web.ChecklistViews.RunSummary;
import org.liuhua.manual.checklist.web.ChecklistViews.RunView;
import org.liuhua.manual.checklist.web.ChecklistViews.StartRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/checklists")
@Tag(name = "Checklists", description = "Hazard-check items with their legal basis, and checklist runs whose "
        + "failed items become hazards (M-6)")
class ChecklistController {

    private final ChecklistItems items;
    private final ChecklistRuns runs;

    ChecklistController(ChecklistItems items, ChecklistRuns runs) {
        this.items = items;
        this.runs = runs;
    }

    @GetMapping("/items")
    @Operation(summary = "Check items, by domain, industry, risk flag or major")
    PageResponse<ItemView> items(@RequestParam(required = false) String domain,
                                 @RequestParam(required = false) String industry,
                                 @RequestParam(required = false) String flag,
                                 @RequestParam(required = false) Boolean major,
                                 @SortableBy(value = {"id", "domain"}, byDefault = "id,asc", defaultSize = 50)
                                 PageQuery page) {
        return PageResponse.of(items.list(new ChecklistItems.Filter(domain, industry, flag, major), page),
                ItemView::of);
    }

    @GetMapping("/items/{code}")
    @Operation(summary = "One check item by its stable code")
    ItemView item(@PathVariable String code) {
        return ItemView.of(items.get(code));
    }

    // the roles that run checks at all; which sources and establishments, ChecklistRuns decides
    @PostMapping("/runs")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','ENTERPRISE_OFFICER','INSPECTOR','TOWN_OFFICER','THIRD_PARTY_FIRM')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a run (self-check, patrol, third-party) with the given items or all that apply; "
            + "results and completion may come in the same request")
    RunView start(@RequestBody StartRequest body) {
        Caller caller = Caller.current();
        return RunView.of(runs.start(caller, body.establishmentId(), body.source(), body.itemCodes(),
                body.checkedAt(), body.results(), Boolean.TRUE.equals(body.complete())));
    }

    @GetMapping("/runs")
    @Operation(summary = "Runs in the caller's scope")
    PageResponse<RunSummary> runs(@RequestParam(required = false) String establishmentId,
                                  @RequestParam(required = false) RunSource source,
                                  @RequestParam(required = false) ChecklistRun.State state,
                                  @SortableBy(value = {"startedAt", "completedAt"}, byDefault = "startedAt,desc")
                                  PageQuery page) {
        return PageResponse.of(runs.list(Caller.current(), establishmentId, source, state, page), RunSummary::of);
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "A run with its items and results")
    RunView run(@PathVariable String id) {
        return RunView.of(runs.get(Caller.current(), id));
    }

    @PostMapping("/runs/{id}/results")
    @Operation(summary = "Record (or correct) results while the run is open; a failed item needs a note or photo")
    RunView results(@PathVariable String id, @RequestBody ResultsRequest body) {
        return RunView.of(runs.record(Caller.current(), id, body.results()));
    }

    @PostMapping("/runs/{id}/complete")
    @Operation(summary = "Complete the run: each failed item is published once and becomes a hazard")
    RunView complete(@PathVariable String id) {
        return RunView.of(runs.complete(Caller.current(), id));
    }

    @PostMapping(value = "/runs/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Keep a photo of a finding; a result references it by id")
    PhotoView photo(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        try {
            return new PhotoView(runs.addPhoto(Caller.current(), id, file.getContentType(), file.getBytes()), id);
        } catch (IOException e) {
            throw new InvalidInputException("file", "the upload could not be read");
        }
    }

    @GetMapping("/photos/{photoId}")
    @Operation(summary = "A photo of a finding")
    ResponseEntity<byte[]> photo(@PathVariable String photoId) {
        ChecklistRuns.Photo photo = runs.photo(Caller.current(), photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.data());
    }
}
