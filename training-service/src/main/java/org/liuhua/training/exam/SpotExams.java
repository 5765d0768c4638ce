package org.liuhua.training.exam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.Hmac;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.establishment.KnownEstablishment;
import org.liuhua.training.establishment.KnownEstablishments;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.exam.domain.Difficulty;
import org.liuhua.training.exam.domain.Question;
import org.liuhua.training.exam.domain.SpotExam;
import org.liuhua.training.exam.domain.SpotExamDraw;
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
 * Spot exams at inspections (逢查必考, T-6): the reproducible draw, answers and scores, and the replay an auditor runs.
 * The seed is HMAC-SHA256(server secret, inspection + establishment); the exam's id derives from the same inputs, so
 * the same inspection finds the same exam instead of drawing again.
 */
@Service
public class SpotExams {

    static final String COLLECTION = "spot_exams";
    public static final List<String> INSPECTION_KINDS = List.of("GRID_PATROL", "ENFORCEMENT");

    /** What an examiner asks for. */
    public record DrawRequest(String establishmentId, String inspectionKind, String inspectionReference,
                              Integer examinees, Integer questionsPerPerson, List<QuotaRequest> quotas) {
    }

    public record QuotaRequest(String knowledgePoint, String difficulty, Integer count) {
    }

    /** The exam and whether this request drew it (false: the inspection's exam existed). */
    public record Drawn(SpotExam exam, boolean created) {
    }

    /** A replay: the papers recomputed from the recorded inputs and whether they equal the recorded ones. */
    public record Replay(boolean identical, String seed, List<SpotExamDraw.Paper> papers) {
    }

    private final AggregateStore<SpotExam> store;
    private final Questions questions;
    private final Staffs staffs;
    private final KnownEstablishments establishments;
    private final CityCalendar calendar;
    private final TrainingProperties.Exams properties;

    SpotExams(AggregateStore<SpotExam> store, Questions questions, Staffs staffs, KnownEstablishments establishments,
              CityCalendar calendar, TrainingProperties properties) {
        this.store = store;
        this.questions = questions;
        this.staffs = staffs;
        this.establishments = establishments;
        this.calendar = calendar;
        this.properties = properties.exams();
    }

    public Drawn draw(DrawRequest r, Scope scope, Caller by) {
        List<FieldProblem> problems = new ArrayList<>();
        String kind = r.inspectionKind() == null ? null : r.inspectionKind().trim().toUpperCase(Locale.ROOT);
        if (kind == null || !INSPECTION_KINDS.contains(kind)) {
            problems.add(new FieldProblem("inspectionKind", "is GRID_PATROL (a patrol id) or ENFORCEMENT (an"
                    + " enforcement reference)"));
        }
        if (r.inspectionReference() == null || r.inspectionReference().isBlank()) {
            problems.add(new FieldProblem("inspectionReference", "is required: the patrol id or enforcement"
                    + " reference"));
        }
        if (r.establishmentId() == null) {
            problems.add(new FieldProblem("establishmentId", "is required"));
        }
        int n = r.examinees() == null ? properties.examinees() : r.examinees();
        int m = r.questionsPerPerson() == null ? properties.questionsPerPerson() : r.questionsPerPerson();
        if (n < 1 || n > properties.maxExaminees()) {
            problems.add(new FieldProblem("examinees", "between 1 and " + properties.maxExaminees()));
        }
        if (m < 1 || m > properties.maxQuestions()) {
            problems.add(new FieldProblem("questionsPerPerson", "between 1 and " + properties.maxQuestions()));
        }
        List<SpotExamDraw.Quota> quotas = new ArrayList<>();
        for (QuotaRequest q : r.quotas() == null ? List.<QuotaRequest>of() : r.quotas()) {
            Difficulty d = null;
            if (q.difficulty() != null) {
                try {
                    d = Difficulty.valueOf(q.difficulty().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("quotas", "difficulty is EASY, MEDIUM or HARD"));
                }
            }
            if ((q.knowledgePoint() == null && q.difficulty() == null) || q.count() == null || q.count() < 1) {
                problems.add(new FieldProblem("quotas", "each quota names a knowledge point and/or a difficulty and"
                        + " a count of at least 1"));
            } else {
                quotas.add(new SpotExamDraw.Quota(q.knowledgePoint(), d, q.count()));
            }
        }
        if (quotas.stream().mapToInt(SpotExamDraw.Quota::count).sum() > m) {
            problems.add(new FieldProblem("quotas", "the quotas ask for more than questionsPerPerson"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!scope.covers(r.establishmentId())) {
            throw new NotFoundException("establishment", r.establishmentId());
        }
        KnownEstablishment establishment = establishments.find(r.establishmentId()).orElseThrow(() ->
                new InvalidInputException("establishmentId", "establishment " + r.establishmentId() + " is not"
                        + " known (not announced by grid-service)"));
        String inputs = kind + "|" + r.inspectionReference().trim() + "|" + establishment.id();
        String id = "spx-" + Hmac.hex(properties.drawSecret(), "spot-exam-id|" + inputs).substring(0, 24);
        SpotExam existing = store.findById(id).orElse(null);
        if (existing != null) {
            return new Drawn(sameRequest(existing, n, m, quotas), false);
        }
        byte[] seed = Hmac.sha256(properties.drawSecret(), "spot-exam-seed|" + inputs);
        List<SpotExamDraw.Person> people = staffs.active(establishment.id()).stream()
                .map(s -> new SpotExamDraw.Person(s.id(), s.role().name())).toList();
        List<Question> pool = questions.pool();
        Map<String, Long> usage = questions.usage(pool.stream().map(Question::code).toList());
        List<SpotExamDraw.Candidate> candidates = pool.stream().map(q -> new SpotExamDraw.Candidate(q.id(),
                q.knowledgePoint(), q.difficulty(), usage.getOrDefault(q.code(), 0L), q.industries(), q.roles()))
                .toList();
        List<SpotExamDraw.Paper> papers = SpotExamDraw.draw(seed, people, n, establishment.industry(), candidates,
                m, quotas);
        Map<String, Question> byId = new java.util.HashMap<>();
        pool.forEach(q -> byId.put(q.id(), q));
        SpotExam exam = SpotExam.drawn(id, kind, r.inspectionReference().trim(), establishment.id(),
                establishment.townId(), establishment.industry(), HexFormat.of().formatHex(seed), n, m, quotas,
                people, candidates.stream().map(c -> new SpotExam.PoolEntry(c.questionId(), c.usage())).toList(),
                papers, byId, by.signature(), calendar.now());
        try {
            store.insert(exam);
        } catch (DuplicateKeyException concurrent) {
            return new Drawn(sameRequest(store.get(id, "spot exam"), n, m, quotas), false);
        }
        papers.forEach(p -> p.questionIds().forEach(q -> questions.used(List.of(byId.get(q).code()))));
        return new Drawn(exam, true);
    }

    private static SpotExam sameRequest(SpotExam existing, int n, int m, List<SpotExamDraw.Quota> quotas) {
        if (existing.examinees() != n || existing.questionsPerPerson() != m
                || !Objects.equals(existing.quotas(), quotas)) {
            throw new ConflictException("this inspection's spot exam was drawn already with examinees="
                    + existing.examinees() + ", questionsPerPerson=" + existing.questionsPerPerson()
                    + " and its quotas; the same inspection always gives the same draw", "DRAWN", List.of("GET"));
        }
        return existing;
    }

    /** Recomputes the draw from what the exam recorded and the server's secret. */
    public Replay replay(String id, Scope scope) {
        SpotExam exam = get(id, scope);
        String inputs = exam.inspectionKind() + "|" + exam.inspectionReference() + "|" + exam.establishmentId();
        byte[] seed = Hmac.sha256(properties.drawSecret(), "spot-exam-seed|" + inputs);
        Map<String, Question> versions = questions.versions(exam.questionPool().stream()
                .map(SpotExam.PoolEntry::questionId).toList());
        List<SpotExamDraw.Candidate> candidates = exam.questionPool().stream().map(p -> {
            Question q = versions.get(p.questionId());
            return new SpotExamDraw.Candidate(q.id(), q.knowledgePoint(), q.difficulty(), p.usage(), q.industries(),
                    q.roles());
        }).toList();
        List<SpotExamDraw.Paper> papers = SpotExamDraw.draw(seed, exam.staffPool(), exam.examinees(),
                exam.industry(), candidates, exam.questionsPerPerson(), exam.quotas());
        String hex = HexFormat.of().formatHex(seed);
        return new Replay(hex.equals(exam.seed()) && papers.equals(exam.drawnPapers()), hex, papers);
    }

    public SpotExam.ExamPaper answer(String id, String staffId, Map<String, List<String>> answers, Scope scope,
                                     Caller by) {
        SpotExam exam = get(id, scope);
        if (!scope.covers(exam.establishmentId()) && !staffId.equals(scope.staffId())) {
            throw new NotFoundException("spot exam", id);
        }
        Map<String, Question> versions = questions.versions(exam.papers().stream()
                .flatMap(p -> p.questions().stream()).map(SpotExam.Asked::questionId).toList());
        return store.change(id, "spot exam", e -> e.answer(staffId, answers, versions, properties.passScore(),
                by.signature(), calendar.now()));
    }

    /** The exam, for the examiners of its establishment and the examinees (404 otherwise). */
    public SpotExam get(String id, Scope scope) {
        SpotExam exam = store.get(id, "spot exam");
        boolean examinee = scope.staffId() != null && exam.papers().stream()
                .anyMatch(p -> p.staffId().equals(scope.staffId()));
        if (!scope.covers(exam.establishmentId()) && !examinee) {
            throw new NotFoundException("spot exam", id);
        }
        return exam;
    }

    public Page<SpotExam> list(String establishmentId, String townId, String inspectionReference, Scope scope,
                               Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        Criteria scoped = scope.criteria("establishmentId", "papers.staffId");
        if (scoped != null) {
            all.add(scoped);
        }
        if (establishmentId != null) {
            all.add(Criteria.where("establishmentId").is(establishmentId));
        }
        if (townId != null) {
            all.add(Criteria.where("townId").is(townId));
        }
        if (inspectionReference != null) {
            all.add(Criteria.where("inspectionReference").is(inspectionReference));
        }
        return store.page(all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all)), pageable);
    }

    public Map<String, Question> questionsOf(SpotExam exam) {
        return questions.versions(exam.papers().stream().flatMap(p -> p.questions().stream())
                .map(SpotExam.Asked::questionId).toList());
    }

    @Configuration(proxyBeanMethods = false)
    static class Store {

        @Bean
        AggregateStore<SpotExam> spotExamAggregates(MongoTemplate mongo, Clock clock) {
            return new AggregateStore<>(mongo, SpotExam.class, COLLECTION, clock);
        }

        /** Lists by establishment or town, newest first; by inspection; an examinee's own papers. */
        @Bean
        CollectionIndexes spotExamIndexes() {
            return CollectionIndexes.of(COLLECTION,
                    CollectionIndexes.on("establishmentId", "drawnAt"),
                    CollectionIndexes.on("townId", "drawnAt"),
                    CollectionIndexes.on("inspectionReference"),
                    CollectionIndexes.on("papers.staffId"));
        }
    }
}
