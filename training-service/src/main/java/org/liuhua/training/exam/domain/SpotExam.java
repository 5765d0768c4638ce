package org.liuhua.training.exam.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.liuhua.events.training.SpotExamDrawn;
import org.liuhua.events.training.SpotExamPaperScored;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;

/**
 * A spot exam at an inspection (逢查必考, T-6): who was drawn, which question versions each was asked, and everything
 * the draw was computed from (seed, staff pool, question pool with use counts), so it can be replayed; then each
 * paper's answers and score. The id derives from the inspection and the establishment: the same inspection is the same
 * exam.
 */
public class SpotExam extends AggregateRoot {

    /** A question of a paper: its version id and, once answered, the keys given and whether they were right. */
    public record Asked(String questionId, String code, int questionVersion, List<String> given, Boolean correct) {
    }

    /** One person's paper. */
    public record ExamPaper(String staffId, String role, List<Asked> questions, Integer correct, Integer score,
                            Boolean passed, Instant answeredAt, String answeredBy) {
    }

    /** One question of the pool as the draw saw it. */
    public record PoolEntry(String questionId, long usage) {
    }

    private String id;
    private String inspectionKind;
    private String inspectionReference;
    private String establishmentId;
    private String townId;
    private String industry;
    private String seed;
    private int examinees;
    private int questionsPerPerson;
    private List<SpotExamDraw.Quota> quotas = new ArrayList<>();
    private List<SpotExamDraw.Person> staffPool = new ArrayList<>();
    private List<PoolEntry> questionPool = new ArrayList<>();
    private List<ExamPaper> papers = new ArrayList<>();
    private String examiner;
    private Instant drawnAt;

    SpotExam() {
    }

    public static SpotExam drawn(String id, String inspectionKind, String inspectionReference, String establishmentId,
                                 String townId, String industry, String seedHex, int examinees,
                                 int questionsPerPerson, List<SpotExamDraw.Quota> quotas,
                                 List<SpotExamDraw.Person> staffPool, List<PoolEntry> questionPool,
                                 List<SpotExamDraw.Paper> drawnPapers, Map<String, Question> questions,
                                 String examiner, Instant now) {
        SpotExam e = new SpotExam();
        e.id = id;
        e.inspectionKind = inspectionKind;
        e.inspectionReference = inspectionReference;
        e.establishmentId = establishmentId;
        e.townId = townId;
        e.industry = industry;
        e.seed = seedHex;
        e.examinees = examinees;
        e.questionsPerPerson = questionsPerPerson;
        e.quotas = new ArrayList<>(quotas);
        e.staffPool = new ArrayList<>(staffPool);
        e.questionPool = new ArrayList<>(questionPool);
        Map<String, String> roles = new java.util.HashMap<>();
        staffPool.forEach(p -> roles.put(p.staffId(), p.role()));
        for (SpotExamDraw.Paper p : drawnPapers) {
            e.papers.add(new ExamPaper(p.staffId(), roles.get(p.staffId()), p.questionIds().stream().map(q ->
                    new Asked(q, questions.get(q).code(), questions.get(q).questionVersion(), null, null)).toList(),
                    null, null, null, null, null));
        }
        e.examiner = examiner;
        e.drawnAt = now;
        e.registerEvent(new SpotExamDrawn(id, inspectionKind, inspectionReference, establishmentId, townId,
                e.papers.stream().map(ExamPaper::staffId).toList(), questionsPerPerson, now));
        return e;
    }

    /** Scores one paper: each question right only with exactly its correct keys; once. */
    public ExamPaper answer(String staffId, Map<String, List<String>> answers, Map<String, Question> questions,
                            int passScore, String by, Instant now) {
        int index = -1;
        for (int i = 0; i < papers.size(); i++) {
            if (papers.get(i).staffId().equals(staffId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException("paper of " + staffId + " in spot exam", id);
        }
        ExamPaper paper = papers.get(index);
        if (paper.answeredAt() != null) {
            throw new ConflictException("the paper of " + staffId + " was answered at " + paper.answeredAt(),
                    "ANSWERED", List.of());
        }
        if (answers == null) {
            throw new InvalidInputException("answers", "give the chosen keys per question id");
        }
        List<Asked> scored = new ArrayList<>();
        int correct = 0;
        for (Asked asked : paper.questions()) {
            List<String> given = answers.getOrDefault(asked.questionId(), List.of());
            boolean right = questions.get(asked.questionId()).correct(given);
            correct += right ? 1 : 0;
            scored.add(new Asked(asked.questionId(), asked.code(), asked.questionVersion(), List.copyOf(given),
                    right));
        }
        int score = Math.round(correct * 100f / scored.size());
        ExamPaper done = new ExamPaper(staffId, paper.role(), scored, correct, score, score >= passScore, now, by);
        papers.set(index, done);
        registerEvent(new SpotExamPaperScored(id, staffId, establishmentId, townId, inspectionKind,
                inspectionReference, correct, scored.size(), score, done.passed(), now));
        return done;
    }

    /** The draw's papers as ids, to compare with a replay. */
    public List<SpotExamDraw.Paper> drawnPapers() {
        return papers.stream().map(p -> new SpotExamDraw.Paper(p.staffId(), p.questions().stream()
                .map(Asked::questionId).toList())).toList();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String inspectionKind() { return inspectionKind; }
    public String inspectionReference() { return inspectionReference; }
    public String establishmentId() { return establishmentId; }
    public String townId() { return townId; }
    public String industry() { return industry; }
    public String seed() { return seed; }
    public int examinees() { return examinees; }
    public int questionsPerPerson() { return questionsPerPerson; }
    public List<SpotExamDraw.Quota> quotas() { return List.copyOf(quotas); }
    public List<SpotExamDraw.Person> staffPool() { return List.copyOf(staffPool); }
    public List<PoolEntry> questionPool() { return List.copyOf(questionPool); }
    public List<ExamPaper> papers() { return List.copyOf(papers); }
    public String examiner() { return examiner; }
    public Instant drawnAt() { return drawnAt; }
}
