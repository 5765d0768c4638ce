package org.liuhua.manual.template.domain;

/** A template version's life (M-2): edited as a draft, published (then immutable), superseded by the next one. */
public enum VersionState {
    DRAFT, PUBLISHED, SUPERSEDED
}
