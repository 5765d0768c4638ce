package org.liuhua.manual.template.domain;

import java.util.List;

/** The industries (grid-service's industry codes) and risk flags a template is meant for. */
public record AppliesTo(List<String> industries, List<String> flags) {

    public AppliesTo {
        industries = industries == null ? List.of() : List.copyOf(industries);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
