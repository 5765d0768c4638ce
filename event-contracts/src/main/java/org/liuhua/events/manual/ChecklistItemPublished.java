package org.liuhua.events.manual;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A hazard-check item (M-6) is available under its stable {@code code}: grid-service validates the checklist item
 * codes of patrol findings and cluster assessments against these. {@code major}: failing it is a major hazard
 * (工贸企业重大事故隐患判定标准); {@code legalArticle}/{@code legalClause} as in the official text (e.g. 第十一条, 第（三）项);
 * {@code verified} false where the wording could not be checked against the official text. Key: {@code code}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.checklist-item-published.v1", topic = Topics.MANUAL)
public record ChecklistItemPublished(
        String code,
        String domain,
        List<String> industries,
        List<String> flags,
        String text,
        String legalDocument,
        String legalNumber,
        String legalArticle,
        String legalClause,
        boolean major,
        String category,
        boolean verified,
        Instant publishedAt) {
}
