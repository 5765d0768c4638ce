package org.liuhua.training.exam.domain;

/** 单选题, 多选题, 判断题. */
public enum QuestionType {
    SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE
}
