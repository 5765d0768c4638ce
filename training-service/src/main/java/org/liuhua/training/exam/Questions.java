package org.liuhua.training.exam;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.Spreadsheets;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.exam.domain.Question;
import org.liuhua.training.exam.domain.QuestionDraft;
import org.liuhua.training.staff.ImportReport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The question bank (T-6): versioned questions (an edit is a new version, the old one stays for the exams that asked
 * it), spreadsheet import with per-row errors, and how often each question was drawn (least-used first).
 */
@Service
public class Questions {

    static final String COLLECTION = "questions";
    static final String USAGE = "question_usage";

    public static final List<Spreadsheets.Column> COLUMNS = List.of(
            new Spreadsheets.Column("code", "编号"), new Spreadsheets.Column("type", "题型"),
            new Spreadsheets.Column("topic", "专题"), new Spreadsheets.Column("industries", "行业"),
            new Spreadsheets.Column("roles", "人员类别"), new Spreadsheets.Column("knowledgePoint", "知识点"),
            new Spreadsheets.Column("difficulty", "难度"), new Spreadsheets.Column("stem", "题干"),
            new Spreadsheets.Column("A", "选项A"), new Spreadsheets.Column("B", "选项B"),
            new Spreadsheets.Column("C", "选项C"), new Spreadsheets.Column("D", "选项D"),
            new Spreadsheets.Column("E", "选项E"), new Spreadsheets.Column("F", "选项F"),
            new Spreadsheets.Column("answer", "答案"), new Spreadsheets.Column("explanation", "解析"),
            new Spreadsheets.Column("source", "出处"));

    private final AggregateStore<Question> store;
    private final MongoTemplate mongo;
    private final CityCalendar calendar;
    private final TrainingProperties properties;

    Questions(AggregateStore<Question> store, MongoTemplate mongo, CityCalendar calendar,
              TrainingProperties properties) {
        this.store = store;
        this.mongo = mongo;
        this.calendar = calendar;
        this.properties = properties;
    }

    public enum Outcome { CREATED, NEW_VERSION, UNCHANGED }

    public record Saved(Question question, Outcome outcome) {
    }

    /** A new question (version 1); 409 when the code exists. */
    public Question create(QuestionDraft draft, String by) {
        Question q = Question.version(draft, 1, calendar.now(), by);
        try {
            return store.insert(q);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("question " + draft.code() + " exists; an edit (PUT) makes a new version",
                    "EXISTS", List.of("PUT"));
        }
    }

    /** An edit: a new current version unless the draft says the same as the current one. */
    public Saved edit(String code, QuestionDraft draft, String by) {
        Question current = current(code);
        if (!code.equals(draft.code())) {
            throw new InvalidInputException("code", "is " + code + " (a question's code does not change)");
        }
        if (current.sameAs(draft)) {
            return new Saved(current, Outcome.UNCHANGED);
        }
        Question next = Question.version(draft, current.questionVersion() + 1, calendar.now(), by);
        try {
            store.insert(next);
        } catch (DuplicateKeyException concurrent) {
            throw new ConflictException("question " + code + " was edited concurrently; read it again",
                    "VERSION_" + current.questionVersion(), List.of("PUT"));
        }
        store.change(current.id(), "question", q -> q.supersede() ? q : AggregateStore.NO_CHANGE);
        return new Saved(next, Outcome.NEW_VERSION);
    }

    public Saved createOrEdit(QuestionDraft draft, String by) {
        if (findCurrent(draft.code()) == null) {
            try {
                return new Saved(store.insert(Question.version(draft, 1, calendar.now(), by)), Outcome.CREATED);
            } catch (DuplicateKeyException concurrent) {
                // created meanwhile: edit it
            }
        }
        return edit(draft.code(), draft, by);
    }

    public Question retire(String code) {
        Question current = current(code);
        return store.change(current.id(), "question", q -> {
            q.retire();
            return q;
        });
    }

    public Question current(String code) {
        Question q = findCurrent(code);
        if (q == null) {
            throw new NotFoundException("question", code);
        }
        return q;
    }

    /** The current version: the highest version flagged current (a crash between two writes may leave two). */
    private Question findCurrent(String code) {
        return store.find(new Query(Criteria.where("code").is(code).and("current").is(true))).stream()
                .max(java.util.Comparator.comparingInt(Question::questionVersion)).orElse(null);
    }

    public Question version(String id) {
        return store.get(id, "question version");
    }

    public Map<String, Question> versions(Collection<String> ids) {
        return store.find(new Query(Criteria.where("_id").in(ids))).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
    }

    public List<Question> history(String code) {
        return store.find(new Query(Criteria.where("code").is(code)).with(org.springframework.data.domain.Sort.by(
                "questionVersion")));
    }

    public Page<Question> list(String topic, String knowledgePoint, String difficulty, String type, String industry,
                               String role, Pageable pageable) {
        Criteria c = Criteria.where("current").is(true).and("retired").is(false);
        if (topic != null) {
            c.and("topic").is(topic);
        }
        if (knowledgePoint != null) {
            c.and("knowledgePoint").is(knowledgePoint);
        }
        if (difficulty != null) {
            c.and("difficulty").is(difficulty.toUpperCase(java.util.Locale.ROOT));
        }
        if (type != null) {
            c.and("type").is(type.toUpperCase(java.util.Locale.ROOT));
        }
        if (industry != null) {
            c.and("industries").in(industry);
        }
        if (role != null) {
            c.and("roles").in(role);
        }
        return store.page(new Query(c), pageable);
    }

    /** Every current, active question (the pool of a draw). */
    public List<Question> pool() {
        return store.find(new Query(Criteria.where("current").is(true).and("retired").is(false)));
    }

    /** How often each question code was drawn. */
    public Map<String, Long> usage(Collection<String> codes) {
        return mongo.find(new Query(Criteria.where("_id").in(codes)), Document.class, USAGE).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> ((Number) d.get("count")).longValue()));
    }

    public void used(Collection<String> codes) {
        for (String code : codes) {
            mongo.upsert(new Query(Criteria.where("_id").is(code)), new Update().inc("count", 1), USAGE);
        }
    }

    public ImportReport importSpreadsheet(String filename, InputStream in, String by) {
        List<Spreadsheets.SheetRow> rows = Spreadsheets.read(filename, in, COLUMNS, properties.imports().maxRows());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (Spreadsheets.SheetRow row : rows) {
            List<QuestionDraft.Option> options = new ArrayList<>();
            for (String key : List.of("A", "B", "C", "D", "E", "F")) {
                if (row.get(key) != null) {
                    options.add(new QuestionDraft.Option(key, row.get(key)));
                }
            }
            String answer = row.get("answer") == null ? "" : row.get("answer").replaceAll("[^A-Za-z]", "");
            QuestionDraft draft = new QuestionDraft(row.get("code"), row.get("type"), row.get("topic"),
                    split(row.get("industries")), split(row.get("roles")), row.get("knowledgePoint"),
                    row.get("difficulty"), row.get("stem"), options,
                    Arrays.stream(answer.split("")).filter(s -> !s.isBlank()).toList(), row.get("explanation"),
                    row.get("source"));
            List<FieldProblem> problems = draft.problems();
            if (!problems.isEmpty()) {
                rejected++;
                problems.forEach(p -> errors.add(new ImportReport.RowError(row.rowNumber(),
                        p.field().equals("options") ? row.letter("A") : row.letter(p.field()), p.field(),
                        p.message())));
                continue;
            }
            switch (createOrEdit(draft, by).outcome()) {
                case CREATED -> created++;
                case NEW_VERSION -> updated++;
                default -> unchanged++;
            }
        }
        return new ImportReport(rows.size(), created, updated, unchanged, rejected, errors);
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[;|,，；、]")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Store {

        @Bean
        AggregateStore<Question> questionAggregates(MongoTemplate mongo, Clock clock) {
            return new AggregateStore<>(mongo, Question.class, COLLECTION, clock);
        }

        /** The current version of a code; the draw's pool; list filters. */
        @Bean
        CollectionIndexes questionIndexes() {
            return CollectionIndexes.of(COLLECTION,
                    CollectionIndexes.on("code", "current"),
                    CollectionIndexes.on("current", "retired", "topic"),
                    CollectionIndexes.on("current", "retired", "knowledgePoint", "difficulty"));
        }
    }
}
