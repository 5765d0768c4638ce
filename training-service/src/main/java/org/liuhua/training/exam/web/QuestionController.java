package org.liuhua.training.exam.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.Spreadsheets;
import org.liuhua.training.exam.Questions;
import org.liuhua.training.exam.domain.Question;
import org.liuhua.training.exam.domain.QuestionDraft;
import org.liuhua.training.staff.ImportReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The question bank (T-6): versioned questions, spreadsheet import. */
@Tag(name = "Questions", description = "Versioned question bank by industry, role, knowledge point and difficulty")
@RestController
@RequestMapping("/api/v1/training/questions")
class QuestionController {

    private final Questions questions;

    QuestionController(Questions questions) {
        this.questions = questions;
    }

    @Operation(summary = "Add a question (version 1)")
    @PostMapping
    @PreAuthorize(Access.CURATORS)
    ResponseEntity<QuestionView> create(@RequestBody QuestionDraft draft) {
        Question q = questions.create(draft, Caller.current().signature());
        return ResponseEntity.created(URI.create("/api/v1/training/questions/" + q.code())).body(QuestionView.of(q));
    }

    @Operation(summary = "Edit a question: a new version becomes current; exams keep the version they asked")
    @PutMapping("/{code}")
    @PreAuthorize(Access.CURATORS)
    QuestionView edit(@PathVariable String code, @RequestBody QuestionDraft draft) {
        return QuestionView.of(questions.edit(code, draft, Caller.current().signature()).question());
    }

    @Operation(summary = "Retire a question: it is no longer drawn")
    @DeleteMapping("/{code}")
    @PreAuthorize(Access.CURATORS)
    QuestionView retire(@PathVariable String code) {
        return QuestionView.of(questions.retire(code));
    }

    @Operation(summary = "Current questions (filters topic, knowledgePoint, difficulty, type, industry, role)")
    @GetMapping
    @PreAuthorize(Access.CURATORS + " or hasAnyRole('COCKPIT_VIEWER','TOWN_OFFICER','INSPECTOR')")
    PageResponse<QuestionView> list(@RequestParam(required = false) String topic,
                                    @RequestParam(required = false) String knowledgePoint,
                                    @RequestParam(required = false) String difficulty,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String industry,
                                    @RequestParam(required = false) String role,
                                    @SortableBy(value = {"code", "topic", "createdAt"}, byDefault = "code,asc")
                                    PageQuery page) {
        return PageResponse.of(questions.list(topic, knowledgePoint, difficulty, type, industry, role,
                page.pageable()), QuestionView::of);
    }

    @Operation(summary = "The current version of a question")
    @GetMapping("/{code}")
    @PreAuthorize(Access.CURATORS + " or hasAnyRole('COCKPIT_VIEWER','TOWN_OFFICER','INSPECTOR')")
    QuestionView get(@PathVariable String code) {
        return QuestionView.of(questions.current(code));
    }

    @Operation(summary = "Every version of a question, oldest first")
    @GetMapping("/{code}/versions")
    @PreAuthorize(Access.CURATORS + " or hasAnyRole('COCKPIT_VIEWER','TOWN_OFFICER','INSPECTOR')")
    PageResponse<QuestionView> versions(@PathVariable String code,
                                        @SortableBy(value = {"version"}, byDefault = "version,asc") PageQuery page) {
        List<QuestionView> all = questions.history(code).stream().map(QuestionView::of).toList();
        return PageResponse.of(all, page);
    }

    @Operation(summary = "Import questions from XLSX or CSV (the template's columns); each bad cell is reported with"
            + " its row and column; a changed row is a new version, an unchanged one nothing")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Access.CURATORS)
    ImportReport importFile(@RequestPart("file") MultipartFile file) throws IOException {
        return questions.importSpreadsheet(file.getOriginalFilename(), file.getInputStream(),
                Caller.current().signature());
    }

    @Operation(summary = "The question import template (format=xlsx or csv)")
    @GetMapping("/template")
    @PreAuthorize(Access.CURATORS)
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
        List<List<String>> examples = List.of(List.of("FIRE-001", "SINGLE_CHOICE", "消防安全", "ALL", "ALL",
                "灭火器使用", "EASY", "使用干粉灭火器时，喷嘴应对准？", "火焰上部", "火焰根部", "火焰中部", "任意位置", "", "",
                "B", "应对准火焰根部扫射", "《消防法》"));
        boolean csv = "csv".equalsIgnoreCase(format);
        byte[] body = csv ? Spreadsheets.csvTemplate(Questions.COLUMNS, examples)
                : Spreadsheets.xlsxTemplate("questions", Questions.COLUMNS, examples);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=question-template." + (csv ? "csv"
                        : "xlsx"))
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }
}
