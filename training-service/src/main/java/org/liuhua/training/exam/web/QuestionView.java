package org.liuhua.training.exam.web;

import java.time.Instant;
import java.util.List;

import org.liuhua.training.exam.domain.Question;
import org.liuhua.training.exam.domain.QuestionDraft;

/** A question version with its answer (for the bank's curators). */
public record QuestionView(String id, String code, int version, boolean current, boolean retired, String type,
                           String topic, List<String> industries, List<String> roles, String knowledgePoint,
                           String difficulty, String stem, List<QuestionDraft.Option> options, List<String> answer,
                           String explanation, String source, Instant createdAt) {

    public static QuestionView of(Question q) {
        return new QuestionView(q.id(), q.code(), q.questionVersion(), q.current(), q.retired(), q.type().name(),
                q.topic(), q.industries(), q.roles(), q.knowledgePoint(), q.difficulty().name(), q.stem(),
                q.options(), q.answer(), q.explanation(), q.source(), q.createdAt());
    }
}
