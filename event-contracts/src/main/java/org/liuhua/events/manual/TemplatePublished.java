package org.liuhua.events.manual;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A version of a handbook template (M-1, M-2) was published; the version before it, if any, is superseded. Key:
 * {@code templateId}. {@code kind} INDUSTRY_POST, POST_RESPONSIBILITY, OPERATING_PROCEDURE, MAJOR_RISK_SPECIAL_WORK,
 * CUSTOM, ACCIDENT_CASES or HAZARD_CHECK. {@code changedSections} names the section keys that differ from
 * {@code previousVersion} (empty for a first version). Reporting counts handbook revisions from it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.template-published.v1", topic = Topics.MANUAL)
public record TemplatePublished(
        String templateId,
        String code,
        String kind,
        String title,
        String departmentId,
        List<String> industries,
        List<String> flags,
        int version,
        Integer previousVersion,
        List<String> changedSections,
        String publishedBy,
        Instant publishedAt) {
}
