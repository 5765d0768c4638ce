package org.liuhua.training.exam.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liuhua.training.exam.domain.Question;
import org.liuhua.training.exam.domain.QuestionDraft;
import org.liuhua.training.exam.domain.SpotExam;
import org.liuhua.training.exam.domain.SpotExamDraw;

/**
 * A spot exam as the API shows it: the draw's record (seed, quotas) and each paper's questions with the exact version
 * asked; the correct answers only once the paper is scored.
 */
public record SpotExamView(String id, String inspectionKind, String inspectionReference, String establishmentId,
                           String townId, String seed, int examinees, int questionsPerPerson,
                           List<SpotExamDraw.Quota> quotas, int staffPoolSize, int questionPoolSize,
                           List<PaperView> papers, String examiner, Instant drawnAt) {

    public record QuestionItem(String questionId, String code, int version, String type, String knowledgePoint,
                               String difficulty, String stem, List<QuestionDraft.Option> options,
                               List<String> given, Boolean correct, List<String> answer, String explanation) {
    }

    public record PaperView(String staffId, String role, List<QuestionItem> questions, Integer correct,
                            Integer score, Boolean passed, Instant answeredAt) {
    }

    public static SpotExamView of(SpotExam e, Map<String, Question> questions) {
        return new SpotExamView(e.id(), e.inspectionKind(), e.inspectionReference(), e.establishmentId(),
                e.townId(), e.seed(), e.examinees(), e.questionsPerPerson(), e.quotas(), e.staffPool().size(),
                e.questionPool().size(), e.papers().stream().map(p -> paper(p, questions)).toList(), e.examiner(),
                e.drawnAt());
    }

    static PaperView paper(SpotExam.ExamPaper p, Map<String, Question> questions) {
        boolean scored = p.answeredAt() != null;
        return new PaperView(p.staffId(), p.role(), p.questions().stream().map(a -> {
            Question q = questions.get(a.questionId());
            return new QuestionItem(a.questionId(), a.code(), a.questionVersion(), q.type().name(),
                    q.knowledgePoint(), q.difficulty().name(), q.stem(), q.options(), a.given(), a.correct(),
                    scored ? q.answer() : null, scored ? q.explanation() : null);
        }).toList(), p.correct(), p.score(), p.passed(), p.answeredAt());
    }
}
