package org.liuhua.grid.establishment.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.liuhua.events.grid.EstablishmentPost;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.Text;

/**
 * A post (岗位/班组) of an establishment's production line: a team working {@code shifts} shifts a day with
 * {@code workersPerShift} workers on each. Each shift of each post needs at least one safety officer (rugao 2026:
 * 在车间、班组等生产一线根据单班作业人数至少明确1名专兼职安全员; zhangjiagang 2024: 关键岗位每个班组配备一名安全员).
 * Limits: name non-blank, ≤ 64 characters, unique within the establishment; workshop ≤ 64; 1 to 4 shifts; 1 to
 * 10,000 workers per shift; at most 200 posts.
 *
 * @param name            the post's name (冲压车间甲班, 喷涂线, 仓储叉车班, …)
 * @param workshop        the workshop it belongs to, when named
 * @param shifts          shifts per day
 * @param workersPerShift workers on one shift
 */
public record Post(String name, String workshop, Integer shifts, Integer workersPerShift) {

    public static final int MAX_POSTS = 200;
    public static final int MAX_NAME = 64;
    public static final int MAX_SHIFTS = 4;
    public static final int MAX_WORKERS = 10_000;

    public Post {
        name = name == null ? null : name.trim();
        workshop = Text.strippedOrNull(workshop);
    }

    /** The list as given (null: none), each element read as a post (a null element: a post with nothing in it). */
    public static List<Post> normalised(List<Post> posts) {
        if (posts == null) {
            return List.of();
        }
        List<Post> normalised = new ArrayList<>();
        for (Post post : posts) {
            normalised.add(post == null ? new Post(null, null, null, null) : post);
        }
        return List.copyOf(normalised);
    }

    /** What is wrong with a list of posts, each problem naming {@code <field>[i].<part>} (e.g. posts[2].shifts). */
    public static List<FieldProblem> problems(String field, List<Post> posts) {
        List<FieldProblem> problems = new ArrayList<>();
        if (posts.size() > MAX_POSTS) {
            problems.add(new FieldProblem(field, "must hold at most " + MAX_POSTS + " posts"));
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            String at = field + "[" + i + "].";
            if (post.name() == null || post.name().isEmpty()) {
                problems.add(new FieldProblem(at + "name", "must not be blank"));
            } else if (post.name().length() > MAX_NAME) {
                problems.add(new FieldProblem(at + "name", "must be at most " + MAX_NAME + " characters"));
            } else if (!names.add(post.name())) {
                problems.add(new FieldProblem(at + "name", "'" + post.name()
                        + "' is named twice; a post's name is unique within the establishment"));
            }
            if (post.workshop() != null && post.workshop().length() > MAX_NAME) {
                problems.add(new FieldProblem(at + "workshop", "must be at most " + MAX_NAME + " characters"));
            }
            if (post.shifts() == null || post.shifts() < 1 || post.shifts() > MAX_SHIFTS) {
                problems.add(new FieldProblem(at + "shifts", "must be between 1 and " + MAX_SHIFTS + " a day"));
            }
            if (post.workersPerShift() == null || post.workersPerShift() < 1
                    || post.workersPerShift() > MAX_WORKERS) {
                problems.add(new FieldProblem(at + "workersPerShift", "must be between 1 and " + MAX_WORKERS));
            }
        }
        return problems;
    }

    /**
     * How many posts differ between two lists, matched by name: posts added, removed, or kept with other shifts,
     * workers or workshop.
     */
    public static int changes(List<Post> from, List<Post> to) {
        int changed = 0;
        for (Post post : to) {
            Post before = from.stream().filter(p -> p.name().equals(post.name())).findFirst().orElse(null);
            if (!post.equals(before)) {
                changed++;
            }
        }
        for (Post post : from) {
            if (to.stream().noneMatch(p -> p.name().equals(post.name()))) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Safety officers this post needs: one per shift; with {@code workersPerOfficer} > 0 one per started
     * {@code workersPerOfficer} workers of a shift (so at least one per shift).
     */
    public int safetyOfficers(int workersPerOfficer) {
        int perShift = workersPerOfficer > 0 ? (workersPerShift - 1) / workersPerOfficer + 1 : 1;
        return shifts * perShift;
    }

    EstablishmentPost toEvent() {
        return new EstablishmentPost(name, workshop, shifts, workersPerShift);
    }
}
