package org.liuhua.training.learning.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A course of targeted learning (安全到岗, T-5) with its targeting rules: the roles, industries and posts it is pushed
 * to (empty = all). A person's assignments follow from these rules and their current role, post and industry.
 */
public class Course extends AggregateRoot {

    private String id;
    private String title;
    private String topic;
    private String description;
    private int points;
    private List<String> roles = new ArrayList<>();
    private List<String> industries = new ArrayList<>();
    private List<String> posts = new ArrayList<>();
    private boolean active;
    private Instant createdAt;

    Course() {
    }

    public static Course create(String id, String title, String topic, String description, Integer points,
                                List<String> roles, List<String> industries, List<String> posts, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9-]{3,48}")) {
            problems.add(new FieldProblem("id", "3 to 48 lowercase letters, digits or '-'"));
        }
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "is required"));
        }
        if (points == null || points < 0 || points > 1000) {
            problems.add(new FieldProblem("points", "0 to 1000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Course c = new Course();
        c.id = id;
        c.title = title.trim();
        c.topic = topic;
        c.description = description;
        c.points = points;
        c.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
        c.industries = industries == null ? new ArrayList<>() : new ArrayList<>(industries);
        c.posts = posts == null ? new ArrayList<>() : new ArrayList<>(posts);
        c.active = true;
        c.createdAt = now;
        return c;
    }

    /** Whether the course is pushed to a person of this role and post in this industry. */
    public boolean targets(String role, String industry, String post) {
        return active && (roles.isEmpty() || roles.contains(role))
                && (industries.isEmpty() || industries.contains(industry))
                && (posts.isEmpty() || posts.contains(post));
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String title() { return title; }
    public String topic() { return topic; }
    public String description() { return description; }
    public int points() { return points; }
    public List<String> roles() { return List.copyOf(roles); }
    public List<String> industries() { return List.copyOf(industries); }
    public List<String> posts() { return List.copyOf(posts); }
    public boolean active() { return active; }
}
