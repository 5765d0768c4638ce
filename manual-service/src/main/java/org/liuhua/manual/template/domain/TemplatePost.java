package org.liuhua.manual.template.domain;

/** A typical post of the industry with the card a template proposes for it. */
public record TemplatePost(String key, String name, PostCardParts card) {
}
