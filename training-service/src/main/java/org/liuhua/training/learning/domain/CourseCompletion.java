package org.liuhua.training.learning.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.liuhua.events.training.CourseCompleted;
import org.liuhua.kit.domain.AggregateRoot;

/** One person's completion of one course (its id {@code <courseId>:<staffId>}: a course is completed once). */
public class CourseCompletion extends AggregateRoot {

    private String id;
    private String courseId;
    private String staffId;
    private String establishmentId;
    private String townId;
    private LocalDate completedOn;
    private String month;
    private int year;
    private int points;
    private Instant recordedAt;

    CourseCompletion() {
    }

    public static String idFor(String courseId, String staffId) {
        return courseId + ":" + staffId;
    }

    public static CourseCompletion of(Course course, String staffId, String establishmentId, String townId,
                                      LocalDate on, Instant now) {
        CourseCompletion c = new CourseCompletion();
        c.id = idFor(course.id(), staffId);
        c.courseId = course.id();
        c.staffId = staffId;
        c.establishmentId = establishmentId;
        c.townId = townId;
        c.completedOn = on;
        c.month = java.time.YearMonth.from(on).toString();
        c.year = on.getYear();
        c.points = course.points();
        c.recordedAt = now;
        c.registerEvent(new CourseCompleted(c.id, course.id(), staffId, establishmentId, townId, on, c.month,
                c.points, now));
        return c;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String courseId() { return courseId; }
    public String staffId() { return staffId; }
    public String establishmentId() { return establishmentId; }
    public String townId() { return townId; }
    public LocalDate completedOn() { return completedOn; }
    public String month() { return month; }
    public int year() { return year; }
    public int points() { return points; }
    public Instant recordedAt() { return recordedAt; }
}
