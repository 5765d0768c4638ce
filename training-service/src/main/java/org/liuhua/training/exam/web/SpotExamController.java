package org.liuhua.training.exam.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.establishment.TrainingScope;
import org.liuhua.training.exam.SpotExams;
import org.liuhua.training.exam.domain.SpotExam;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 逢查必考 (T-6): spot exams at inspections, random questions × random examinees, reproducible. */
@Tag(name = "Spot exams", description = "Reproducible draws at inspections, answers and scores, audit replay")
@RestController
@RequestMapping("/api/v1/spot-exams")
class SpotExamController {

    private final SpotExams exams;
    private final TrainingScope scopes;

    SpotExamController(SpotExams exams, TrainingScope scopes) {
        this.exams = exams;
        this.scopes = scopes;
    }

    record Answers(Map<String, List<String>> answers) {
    }

    @Operation(summary = "Draw a spot exam at an inspection (201), or return the inspection's exam drawn before (200)",
            description = "Draws `examinees` ACTIVE staff of the establishment and `questionsPerPerson` questions each"
                    + " (quotas per knowledge point/difficulty, least-used first, no repeat, each paper different)."
                    + " The seed is HMAC(server secret, inspection + establishment).")
    @PostMapping
    @PreAuthorize(Access.EXAMINERS)
    ResponseEntity<SpotExamView> draw(@RequestBody SpotExams.DrawRequest body) {
        SpotExams.Drawn drawn = exams.draw(body, scopes.current(), Caller.current());
        SpotExamView view = SpotExamView.of(drawn.exam(), exams.questionsOf(drawn.exam()));
        return drawn.created()
                ? ResponseEntity.created(URI.create("/api/v1/spot-exams/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "Spot exams within the caller's scope (filters establishmentId, townId, inspectionReference)")
    @GetMapping
    @PreAuthorize(Access.READERS)
    PageResponse<SpotExamView> list(@RequestParam(required = false) String establishmentId,
                                    @RequestParam(required = false) String townId,
                                    @RequestParam(required = false) String inspectionReference,
                                    @SortableBy(value = {"drawnAt"}, byDefault = "drawnAt,desc") PageQuery page) {
        return PageResponse.of(exams.list(establishmentId, townId, inspectionReference, scopes.current(),
                page.pageable()), e -> SpotExamView.of(e, exams.questionsOf(e)));
    }

    @Operation(summary = "One spot exam with its papers (answers shown once a paper is scored)")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READERS)
    SpotExamView get(@PathVariable String id) {
        SpotExam exam = exams.get(id, scopes.current());
        return SpotExamView.of(exam, exams.questionsOf(exam));
    }

    @Operation(summary = "Replay the draw from its recorded inputs and the server secret: identical is true when the"
            + " recomputed examinees, papers and question versions equal the recorded ones")
    @GetMapping("/{id}/replay")
    @PreAuthorize(Access.EXAMINERS)
    SpotExams.Replay replay(@PathVariable String id) {
        return exams.replay(id, scopes.current());
    }

    @Operation(summary = "Answer one paper (keys per question id); it is scored at once, once")
    @PostMapping("/{id}/papers/{staffId}/answers")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','INSPECTOR','STAFF')")
    SpotExamView.PaperView answer(@PathVariable String id, @PathVariable String staffId, @RequestBody Answers body) {
        Scope scope = scopes.current();
        SpotExam.ExamPaper paper = exams.answer(id, staffId, body.answers(), scope, Caller.current());
        return SpotExamView.paper(paper, exams.questionsOf(exams.get(id, scope)));
    }
}
