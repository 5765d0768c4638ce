package org.liuhua.training.learning.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.establishment.TrainingScope;
import org.liuhua.training.learning.Learning;
import org.liuhua.training.learning.domain.Course;
import org.liuhua.training.learning.domain.CourseCompletion;
import org.liuhua.training.learning.domain.PointsAccount;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 安全到岗 (T-5): courses, assignments, completions, points. */
@Tag(name = "Learning", description = "Targeted courses, assignments, completions, learning points and rewards")
@RestController
class LearningController {

    private final Learning learning;
    private final TrainingScope scopes;

    LearningController(Learning learning, TrainingScope scopes) {
        this.learning = learning;
        this.scopes = scopes;
    }

    record NewCourse(String id, String title, String topic, String description, Integer points, List<String> roles,
                     List<String> industries, List<String> posts) {
    }

    record CourseView(String id, String title, String topic, String description, int points, List<String> roles,
                      List<String> industries, List<String> posts) {
        static CourseView of(Course c) {
            return new CourseView(c.id(), c.title(), c.topic(), c.description(), c.points(), c.roles(),
                    c.industries(), c.posts());
        }
    }

    record Completion(String staffId, LocalDate completedOn) {
    }

    record CompletionView(String id, String courseId, String staffId, LocalDate completedOn, int points) {
        static CompletionView of(CourseCompletion c) {
            return new CompletionView(c.id(), c.courseId(), c.staffId(), c.completedOn(), c.points());
        }
    }

    record Redemption(String reward, Integer points) {
    }

    record AccountView(String staffId, int balance, List<PointsAccount.Entry> entries) {
        static AccountView of(PointsAccount a) {
            return new AccountView(a.id(), a.balance(), a.entries());
        }
    }

    @Operation(summary = "Create a course with its targeting rules (roles, industries, posts; empty = all)")
    @PostMapping("/api/v1/training/courses")
    @PreAuthorize(Access.CURATORS)
    ResponseEntity<CourseView> create(@RequestBody NewCourse body) {
        Course c = learning.create(body.id(), body.title(), body.topic(), body.description(), body.points(),
                body.roles(), body.industries(), body.posts());
        return ResponseEntity.created(URI.create("/api/v1/training/courses/" + c.id())).body(CourseView.of(c));
    }

    @Operation(summary = "Active courses")
    @GetMapping("/api/v1/training/courses")
    @PreAuthorize(Access.READERS)
    PageResponse<CourseView> courses(@SortableBy(value = {"title"}, byDefault = "title,asc") PageQuery page) {
        return PageResponse.of(learning.list(page.pageable()), CourseView::of);
    }

    @Operation(summary = "A person's assignments: the courses whose rules match their role, post and industry")
    @GetMapping("/api/v1/training/staff/{staffId}/assignments")
    @PreAuthorize(Access.READERS)
    PageResponse<Learning.Assignment> assignments(@PathVariable String staffId,
                                                  @SortableBy(value = {"title"}, byDefault = "title,asc")
                                                  PageQuery page) {
        return PageResponse.of(learning.assignments(staffId, scopes.current()), page);
    }

    @Operation(summary = "Record that a person completed an assigned course (once); awards its points")
    @PostMapping("/api/v1/training/courses/{courseId}/completions")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','ENTERPRISE_OFFICER','STAFF')")
    ResponseEntity<CompletionView> complete(@PathVariable String courseId, @RequestBody Completion body) {
        CourseCompletion c = learning.complete(courseId, body.staffId(), body.completedOn(), scopes.current(),
                Caller.current());
        return ResponseEntity.status(201).body(CompletionView.of(c));
    }

    @Operation(summary = "A person's points ledger and balance")
    @GetMapping("/api/v1/training/staff/{staffId}/points")
    @PreAuthorize(Access.READERS)
    AccountView points(@PathVariable String staffId) {
        return AccountView.of(learning.account(staffId, scopes.current()));
    }

    @Operation(summary = "Redeem points for a reward (学习积分有奖兑换); refused with 422 beyond the balance")
    @PostMapping("/api/v1/training/staff/{staffId}/redemptions")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER','ENTERPRISE_OFFICER','STAFF')")
    AccountView redeem(@PathVariable String staffId, @RequestBody Redemption body) {
        return AccountView.of(learning.redeem(staffId, body.reward(), body.points(), scopes.current()));
    }
}
