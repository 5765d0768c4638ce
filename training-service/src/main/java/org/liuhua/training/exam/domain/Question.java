package org.liuhua.training.exam.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * One version of a question of the bank (T-6). Versions are immutable: an edit is a new version
 * ({@code <code>@<n+1>}) that becomes current, so an exam keeps the exact wording it asked.
 */
public class Question extends AggregateRoot {

    public static final List<String> WILDCARDS = List.of("ALL", "ANY", "GENERAL", "*", "通用", "全部");

    private String id;
    private String code;
    private int questionVersion;
    private boolean current;
    private boolean retired;
    private QuestionType type;
    private String topic;
    private List<String> industries = new ArrayList<>();
    private List<String> roles = new ArrayList<>();
    private String knowledgePoint;
    private Difficulty difficulty;
    private String stem;
    private List<QuestionDraft.Option> options = new ArrayList<>();
    private List<String> answer = new ArrayList<>();
    private String explanation;
    private String source;
    private Instant createdAt;
    private String createdBy;

    Question() {
    }

    public static String idFor(String code, int version) {
        return code + "@" + version;
    }

    public static Question version(QuestionDraft d, int version, Instant now, String by) {
        var problems = d.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Question q = new Question();
        q.code = d.code();
        q.questionVersion = version;
        q.id = idFor(d.code(), version);
        q.current = true;
        q.type = d.questionType();
        q.topic = d.topic().trim();
        q.industries = new ArrayList<>(d.industries());
        q.roles = new ArrayList<>(d.roles());
        q.knowledgePoint = d.knowledgePoint().trim();
        q.difficulty = d.level();
        q.stem = d.stem().trim();
        q.options = d.options().stream().map(o -> new QuestionDraft.Option(o.key().trim().toUpperCase(Locale.ROOT),
                o.text().trim())).toList();
        q.answer = new ArrayList<>(d.answer());
        q.explanation = d.explanation();
        q.source = d.source();
        q.createdAt = now;
        q.createdBy = by;
        return q;
    }

    /** Whether a draft says the same as this version (a re-import of an unchanged row is no edit). */
    public boolean sameAs(QuestionDraft d) {
        return type == d.questionType() && Objects.equals(topic, trim(d.topic())) && industries.equals(d.industries())
                && roles.equals(d.roles()) && Objects.equals(knowledgePoint, trim(d.knowledgePoint()))
                && difficulty == d.level() && Objects.equals(stem, trim(d.stem()))
                && options.equals(d.options().stream().map(o -> new QuestionDraft.Option(
                o.key().trim().toUpperCase(Locale.ROOT), o.text().trim())).toList())
                && answer.equals(d.answer()) && Objects.equals(explanation, d.explanation())
                && Objects.equals(source, d.source());
    }

    public boolean supersede() {
        if (!current) {
            return false;
        }
        current = false;
        return true;
    }

    public void retire() {
        retired = true;
    }

    /** Whether the question may be asked of a person in this industry and role. */
    public boolean fits(String industry, String role) {
        return matches(industries, industry) && matches(roles, role);
    }

    /** The share of the answer that is right: only the exact set of keys scores. */
    public boolean correct(List<String> given) {
        if (given == null) {
            return false;
        }
        return given.stream().map(g -> g.trim().toUpperCase(Locale.ROOT)).distinct().sorted().toList()
                .equals(answer);
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed.isEmpty() || allowed.stream().anyMatch(a -> WILDCARDS.contains(a.toUpperCase(Locale.ROOT))
                || a.equalsIgnoreCase(value));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String code() { return code; }
    public int questionVersion() { return questionVersion; }
    public boolean current() { return current; }
    public boolean retired() { return retired; }
    public QuestionType type() { return type; }
    public String topic() { return topic; }
    public List<String> industries() { return List.copyOf(industries); }
    public List<String> roles() { return List.copyOf(roles); }
    public String knowledgePoint() { return knowledgePoint; }
    public Difficulty difficulty() { return difficulty; }
    public String stem() { return stem; }
    public List<QuestionDraft.Option> options() { return List.copyOf(options); }
    public List<String> answer() { return List.copyOf(answer); }
    public String explanation() { return explanation; }
    public String source() { return source; }
    public Instant createdAt() { return createdAt; }
}
