package org.liuhua.manual.template.domain;

import java.util.List;

/** A structured section of a template: a stable key (what diffs and adoptions refer to), a heading and its items. */
public record Section(String key, String heading, List<SectionItem> items) {

    public Section {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
