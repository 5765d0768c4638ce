package org.liuhua.manual.template.domain;

/** One item of a section, with where it comes from (a standard, a regulation, an accident report). */
public record SectionItem(String text, String source) {
}
