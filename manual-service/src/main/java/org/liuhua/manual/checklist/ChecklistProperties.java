package org.liuhua.manual.checklist;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param photoMaxBytes the largest photo a check result may carry (default 10 MiB) */
@ConfigurationProperties("liuhua.manual.checklists")
public record ChecklistProperties(Long photoMaxBytes) {

    public ChecklistProperties {
        photoMaxBytes = photoMaxBytes == null ? 10L * 1024 * 1024 : photoMaxBytes;
    }
}
