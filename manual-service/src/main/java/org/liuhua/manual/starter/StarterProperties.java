package org.liuhua.manual.starter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter content loaded at start-up (idempotent: what is already there is kept).
 *
 * @param enabled    load it at all ({@code liuhua.manual.starter.enabled}, default true)
 * @param templates  Spring resource of the starter templates (JSON array)
 * @param checklists Spring resource of the starter checklist items (JSON array)
 */
@ConfigurationProperties("liuhua.manual.starter")
public record StarterProperties(Boolean enabled, String templates, String checklists) {

    public StarterProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        templates = templates == null ? "classpath:starter/templates.json" : templates;
        checklists = checklists == null ? "classpath:starter/checklists.json" : checklists;
    }
}
