package org.liuhua.reporting.warnings.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.reporting.warnings.MonthWarnings;
import org.liuhua.reporting.warnings.domain.RuleDescription;
import org.liuhua.reporting.warnings.domain.Warning;
import org.liuhua.reporting.warnings.domain.WarningRule;

import static org.assertj.core.api.Assertions.assertThat;

class NoticePageTest {

    static MonthWarnings.Notice notice(List<Warning> warnings, String issuer) {
        RuleDescription rule = new RuleDescription(WarningRule.OVERDUE_MAJOR, WarningRule.OVERDUE_MAJOR.title(), true,
                WarningRule.Level.RED, "逾期未整改的重大事故隐患多于0条", WarningRule.OVERDUE_MAJOR.basis(), 0);
        return new MonthWarnings.Notice(new MonthWarnings.Result("2026-11", List.of(rule), warnings),
                "安委办预警〔2026〕11号", LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 17), issuer, "市应急管理局",
                true, null);
    }

    @Test
    void theNoticeListsEachWarningWithItsReasonAndAsksForRectificationByTheDeadline() {
        Warning w = new Warning("zjg-jinfeng", "锦丰镇", WarningRule.OVERDUE_MAJOR, WarningRule.Level.RED,
                "截至2026年11月末，有2条重大事故隐患逾期未整改。", Map.of("overdueMajor", 2L));

        String html = NoticePage.render(notice(List.of(w), "市安全生产委员会办公室"));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">")
                .contains("@page { size: A4;").contains("@media print")
                .contains("<div class=\"masthead\">预警通报</div>").contains("安委办预警〔2026〕11号")
                .contains("关于2026年11月安全生产工作预警情况的通报").contains("各区镇（街道）：")
                .contains("共有1个区镇（街道）触发预警1项，其中红色预警1项、橙色预警0项、黄色预警0项")
                .contains("<td>锦丰镇</td><td>重大隐患逾期未整改</td><td class=\"level\">红色预警</td>"
                        + "<td>截至2026年11月末，有2条重大事故隐患逾期未整改。</td>")
                .contains("于2026年12月17日前整改到位，并将整改情况书面报送市应急管理局")
                .contains("<div>市安全生产委员会办公室</div><div>2026年12月2日</div>");
    }

    @Test
    void textFromDataIsEscaped() {
        Warning w = new Warning("x", "<script>alert(1)</script>", WarningRule.STAFFING_GAPS,
                WarningRule.Level.ORANGE, "缺配 \"3\" 人 & <b>", Map.of());

        String html = NoticePage.render(notice(List.of(w), "安委办 <img src=x onerror=alert(1)>"));

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("&amp; <b>").doesNotContain("& <b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("缺配 &quot;3&quot; 人 &amp; &lt;b&gt;")
                .contains("安委办 &lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aMonthWithoutWarningsSaysSo() {
        assertThat(NoticePage.render(notice(List.of(), "市安委办"))).contains("2026年11月，各区镇（街道）均未触发预警规则。")
                .doesNotContain("<table>");
    }
}
