package org.liuhua.training.exam.domain;

/** How hard a question is. */
public enum Difficulty {
    EASY, MEDIUM, HARD
}
