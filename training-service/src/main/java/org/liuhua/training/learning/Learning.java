package org.liuhua.training.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.establishment.KnownEstablishments;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.learning.domain.Course;
import org.liuhua.training.learning.domain.CourseCompletion;
import org.liuhua.training.learning.domain.PointsAccount;
import org.liuhua.training.rules.domain.RuleViolationException;
import org.liuhua.training.staff.Staffs;
import org.liuhua.training.staff.domain.Staff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Targeted learning 安全到岗 (T-5): courses with targeting rules, each person's assignments (following their current
 * role, post and industry), completions, the points ledger with redemptions, and who took part in a month or year.
 */
@Service
public class Learning {

    static final String COURSES = "courses";
    static final String COMPLETIONS = "course_completions";
    static final String ACCOUNTS = "points_accounts";
    public static final String RULE_ASSIGNED = "COURSE_ASSIGNED";

    /** A course as assigned to one person, with its completion. */
    public record Assignment(String courseId, String title, String topic, int points, boolean completed,
                             LocalDate completedOn) {
    }

    private final AggregateStore<Course> courses;
    private final AggregateStore<CourseCompletion> completions;
    private final AggregateStore<PointsAccount> accounts;
    private final Staffs staffs;
    private final KnownEstablishments establishments;
    private final CityCalendar calendar;

    Learning(AggregateStore<Course> courses, AggregateStore<CourseCompletion> completions,
             AggregateStore<PointsAccount> accounts, Staffs staffs, KnownEstablishments establishments,
             CityCalendar calendar) {
        this.courses = courses;
        this.completions = completions;
        this.accounts = accounts;
        this.staffs = staffs;
        this.establishments = establishments;
        this.calendar = calendar;
    }

    public Course create(String id, String title, String topic, String description, Integer points,
                         List<String> roles, List<String> industries, List<String> posts) {
        try {
            return courses.insert(Course.create(id, title, topic, description, points, roles, industries, posts,
                    calendar.now()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("course " + id + " exists", "EXISTS", List.of());
        }
    }

    public Page<Course> list(Pageable pageable) {
        return courses.page(new Query(Criteria.where("active").is(true)), pageable);
    }

    public List<Assignment> assignments(String staffId, Scope scope) {
        Staff s = staffs.get(staffId, scope);
        String industry = establishments.find(s.establishmentId()).map(e -> e.industry()).orElse(null);
        Map<String, CourseCompletion> done = completions.find(new Query(Criteria.where("staffId").is(staffId)))
                .stream().collect(Collectors.toMap(CourseCompletion::courseId, c -> c));
        List<Assignment> out = new ArrayList<>();
        for (Course c : courses.find(new Query(Criteria.where("active").is(true)))) {
            if (c.targets(s.role().name(), industry, s.post())) {
                CourseCompletion completion = done.get(c.id());
                out.add(new Assignment(c.id(), c.title(), c.topic(), c.points(), completion != null,
                        completion == null ? null : completion.completedOn()));
            }
        }
        return out;
    }

    /** Records a completion of an assigned course (once) and awards its points. */
    public CourseCompletion complete(String courseId, String staffId, LocalDate on, Scope scope, Caller by) {
        Staff s = staffs.get(staffId, scope);
        if (!staffId.equals(scope.staffId())) {
            staffs.keptEstablishment(s.establishmentId(), scope);
        }
        Course course = courses.get(courseId, "course");
        String industry = establishments.find(s.establishmentId()).map(e -> e.industry()).orElse(null);
        if (!course.targets(s.role().name(), industry, s.post())) {
            throw new RuleViolationException(RULE_ASSIGNED, "courseId", "安全到岗: course " + courseId
                    + " is not assigned to a " + s.role() + " as " + s.post() + " in " + industry);
        }
        String id = CourseCompletion.idFor(courseId, staffId);
        CourseCompletion completion = completions.findById(id).orElse(null);
        if (completion == null) {
            try {
                completion = completions.insert(CourseCompletion.of(course, staffId, s.establishmentId(),
                        s.townId(), on == null ? calendar.today() : on, calendar.now()));
            } catch (DuplicateKeyException concurrent) {
                completion = completions.get(id, "completion");
            }
        }
        award(s, completion);
        return completion;
    }

    private void award(Staff s, CourseCompletion completion) {
        if (accounts.findById(s.id()).isEmpty()) {
            try {
                accounts.insert(PointsAccount.open(s.id(), s.establishmentId(), s.townId()));
            } catch (DuplicateKeyException concurrent) {
                // opened meanwhile
            }
        }
        accounts.change(s.id(), "points account", a -> a.award(completion.id(), completion.points(),
                "course " + completion.courseId(), calendar.now()) ? a : AggregateStore.NO_CHANGE);
    }

    public PointsAccount account(String staffId, Scope scope) {
        Staff s = staffs.get(staffId, scope);
        return accounts.findById(s.id()).orElse(PointsAccount.open(s.id(), s.establishmentId(), s.townId()));
    }

    public PointsAccount redeem(String staffId, String reward, Integer points, Scope scope) {
        account(staffId, scope);
        if (accounts.findById(staffId).isEmpty()) {
            throw new RuleViolationException(PointsAccount.RULE_BALANCE, "points", "积分兑换: no points yet");
        }
        return accounts.change(staffId, "points account", a -> {
            a.redeem(reward, points, calendar.now());
            return a;
        });
    }

    /** Establishments with at least one completion in the month. */
    public Set<String> participatingIn(YearMonth month) {
        return completions.find(new Query(Criteria.where("month").is(month.toString()))).stream()
                .map(CourseCompletion::establishmentId).collect(Collectors.toSet());
    }

    /** Completions (person-times) per establishment in a year. */
    public Map<String, Long> personTimesIn(int year) {
        return completions.find(new Query(Criteria.where("year").is(year))).stream()
                .collect(Collectors.groupingBy(CourseCompletion::establishmentId, Collectors.counting()));
    }

    public CourseCompletion completion(String id) {
        return completions.findById(id).orElseThrow(() -> new NotFoundException("completion", id));
    }

    @Configuration(proxyBeanMethods = false)
    static class Store {

        @Bean
        AggregateStore<Course> courseAggregates(MongoTemplate mongo, Clock clock) {
            return new AggregateStore<>(mongo, Course.class, COURSES, clock);
        }

        @Bean
        AggregateStore<CourseCompletion> completionAggregates(MongoTemplate mongo, Clock clock) {
            return new AggregateStore<>(mongo, CourseCompletion.class, COMPLETIONS, clock);
        }

        @Bean
        AggregateStore<PointsAccount> pointsAggregates(MongoTemplate mongo, Clock clock) {
            return new AggregateStore<>(mongo, PointsAccount.class, ACCOUNTS, clock);
        }

        @Bean
        CollectionIndexes courseIndexes() {
            return CollectionIndexes.of(COURSES, CollectionIndexes.on("active", "title"));
        }

        /** A person's completions; participation per month; person-times per year. */
        @Bean
        CollectionIndexes completionIndexes() {
            return CollectionIndexes.of(COMPLETIONS, CollectionIndexes.on("staffId"),
                    CollectionIndexes.on("month", "establishmentId"), CollectionIndexes.on("year", "establishmentId"));
        }
    }
}
