package org.liuhua.training.exam.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.liuhua.kit.domain.FieldProblem;

/**
 * A question as entered (form, spreadsheet row, the starter bank's JSON): validated by {@link #problems()} the same way
 * for every input. {@code industries} and {@code roles} empty (or {@code ALL}) mean every industry / role.
 */
public record QuestionDraft(String code, String type, String topic, List<String> industries, List<String> roles,
                            String knowledgePoint, String difficulty, String stem, List<Option> options,
                            List<String> answer, String explanation, String source) {

    /** One choice: its key (A, B, …) and text. */
    public record Option(String key, String text) {
    }

    public QuestionDraft {
        industries = clean(industries);
        roles = clean(roles);
        options = options == null ? List.of() : List.copyOf(options);
        answer = answer == null ? List.of() : answer.stream().map(a -> a.trim().toUpperCase(Locale.ROOT)).sorted()
                .toList();
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (code == null || !code.matches("[A-Za-z0-9_.-]{1,40}")) {
            problems.add(new FieldProblem("code", "is required: 1 to 40 letters, digits, '.', '-' or '_'"));
        }
        QuestionType t = questionType();
        if (t == null) {
            problems.add(new FieldProblem("type", "is SINGLE_CHOICE, MULTIPLE_CHOICE or TRUE_FALSE"));
        }
        if (blank(topic)) {
            problems.add(new FieldProblem("topic", "is required"));
        }
        if (blank(knowledgePoint)) {
            problems.add(new FieldProblem("knowledgePoint", "is required"));
        }
        if (level() == null) {
            problems.add(new FieldProblem("difficulty", "is EASY, MEDIUM or HARD"));
        }
        if (blank(stem)) {
            problems.add(new FieldProblem("stem", "is required"));
        }
        Set<String> keys = new HashSet<>();
        for (Option o : options) {
            if (o == null || blank(o.key()) || blank(o.text()) || !keys.add(o.key().trim().toUpperCase(Locale.ROOT))) {
                problems.add(new FieldProblem("options", "each option needs a unique key and a text"));
                break;
            }
        }
        if (t == QuestionType.TRUE_FALSE ? options.size() != 2 : options.size() < 2) {
            problems.add(new FieldProblem("options", t == QuestionType.TRUE_FALSE ? "a true/false question has two"
                    + " options" : "at least two options"));
        }
        if (answer.isEmpty() || !keys.containsAll(answer)) {
            problems.add(new FieldProblem("answer", "names the correct option keys"));
        } else if (t != QuestionType.MULTIPLE_CHOICE && answer.size() != 1) {
            problems.add(new FieldProblem("answer", "a " + t + " question has exactly one correct option"));
        }
        return problems;
    }

    public QuestionType questionType() {
        try {
            return type == null ? null : QuestionType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Difficulty level() {
        try {
            return difficulty == null ? null : Difficulty.valueOf(difficulty.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim)
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
