package org.liuhua.reporting.warnings.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.liuhua.reporting.warnings.MonthWarnings;
import org.liuhua.reporting.warnings.domain.RuleDescription;
import org.liuhua.reporting.warnings.domain.Warning;
import org.liuhua.reporting.warnings.domain.WarningRule;
import org.springframework.web.util.HtmlUtils;

/**
 * The printable notice 预警通报 of a month: A4 with print styles, the issuer's red head, number, title, the warnings
 * with their reasons, the demand to rectify by a deadline, the rules applied, issuer and date. Every text taken from
 * data (town names, reasons, configured issuer) is HTML-escaped.
 */
final class NoticePage {

    private NoticePage() {
    }

    static String render(MonthWarnings.Notice notice) {
        MonthWarnings.Result result = notice.result();
        String monthText = monthText(result.month());
        List<Warning> warnings = result.warnings();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>预警通报 ").append(e(notice.number())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n")
                .append("<div class=\"toolbar no-print\"><button type=\"button\" onclick=\"window.print()\">打印</button></div>\n")
                .append("<main class=\"sheet\">\n")
                .append("<div class=\"masthead\">预警通报</div>\n")
                .append("<div class=\"number\">").append(e(notice.number())).append("</div>\n")
                .append("<hr class=\"rule\">\n")
                .append("<h1>关于").append(monthText).append("安全生产工作预警情况的通报</h1>\n")
                .append("<p class=\"addressee\">").append(notice.cityWide() ? "各区镇（街道）" : e(notice.townName()))
                .append("：</p>\n")
                .append("<p>根据《加强“全员化”建设工作落实方案》“开展巡查督查预警通报”的要求，利用应急管理综合应用平台的信息化数据，对")
                .append(notice.cityWide() ? "各区镇（街道）" : e(notice.townName())).append(monthText)
                .append("安全生产工作开展情况进行了监测。现将预警情况通报如下：</p>\n")
                .append("<h2>一、预警情况</h2>\n");

        if (warnings.isEmpty()) {
            html.append("<p>").append(monthText).append("，")
                    .append(notice.cityWide() ? "各区镇（街道）" : e(notice.townName()))
                    .append("均未触发预警规则。</p>\n");
        } else {
            Set<String> towns = new LinkedHashSet<>();
            warnings.forEach(w -> towns.add(w.townId()));
            long red = warnings.stream().filter(w -> w.level() == WarningRule.Level.RED).count();
            long orange = warnings.stream().filter(w -> w.level() == WarningRule.Level.ORANGE).count();
            long yellow = warnings.stream().filter(w -> w.level() == WarningRule.Level.YELLOW).count();
            html.append("<p>").append(monthText).append("，共有").append(towns.size()).append("个区镇（街道）触发预警")
                    .append(warnings.size()).append("项，其中红色预警").append(red).append("项、橙色预警").append(orange)
                    .append("项、黄色预警").append(yellow).append("项，具体如下：</p>\n")
                    .append("<table>\n<thead><tr><th class=\"seq\">序号</th><th class=\"town\">区镇（街道）</th>")
                    .append("<th class=\"item\">预警事项</th><th class=\"level\">等级</th><th>情况说明</th></tr></thead>\n<tbody>\n");
            int seq = 1;
            for (Warning w : warnings) {
                html.append("<tr class=\"").append(w.level().name().toLowerCase()).append("\"><td class=\"seq\">")
                        .append(seq++).append("</td><td>").append(e(w.townName())).append("</td><td>")
                        .append(e(w.rule().title())).append("</td><td class=\"level\">").append(e(w.level().title()))
                        .append("</td><td>").append(e(w.reason())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }

        html.append("<h2>二、工作要求</h2>\n")
                .append("<p>请被预警的区镇（街道）高度重视，认真分析原因，逐项制定整改措施，于")
                .append(dateText(notice.deadline())).append("前整改到位，并将整改情况书面报送")
                .append(e(notice.reportTo()))
                .append("。对整改不力、连续被预警的，将予以通报批评，并视情约谈警示、挂牌督办、限期整改。</p>\n")
                .append("<p>各区镇（街道）要督促企业和网格员按时规范上传隐患排查、巡查检查、教育培训等数据，")
                .append("确保数据真实、完整、及时。</p>\n")
                .append("<h2 class=\"rules\">附：本月适用的预警规则</h2>\n<ol class=\"rules\">\n");
        for (RuleDescription rule : result.rules()) {
            if (rule.enabled()) {
                html.append("<li><b>").append(e(rule.title())).append("</b>（").append(e(rule.level().title()))
                        .append("）：").append(e(rule.condition())).append("。依据：").append(e(rule.basis()))
                        .append("。</li>\n");
            }
        }
        html.append("</ol>\n")
                .append("<div class=\"signature\"><div>").append(e(notice.issuer())).append("</div><div>")
                .append(dateText(notice.issuedOn())).append("</div></div>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String monthText(String month) {
        return month.substring(0, 4) + "年" + Integer.parseInt(month.substring(5, 7)) + "月";
    }

    private static String dateText(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static final String CSS = """
            @page { size: A4; margin: 25mm 22mm 22mm 25mm; }
            * { box-sizing: border-box; }
            html { background: #e9ecef; }
            body { margin: 0; color: #000; font-family: "FangSong", "仿宋", "STFangsong", "SimSun", "宋体", "Songti SC",
              "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.7; }
            .sheet { width: 210mm; min-height: 297mm; margin: 12mm auto; padding: 25mm 22mm 22mm 25mm; background: #fff;
              box-shadow: 0 1mm 4mm rgba(0,0,0,.2); }
            .toolbar { text-align: center; padding-top: 6mm; }
            .toolbar button { font-size: 12pt; padding: 2mm 8mm; cursor: pointer; }
            .masthead { text-align: center; color: #c00; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif;
              font-size: 30pt; font-weight: bold; letter-spacing: 6pt; }
            .number { text-align: center; margin-top: 4mm; }
            hr.rule { border: 0; border-top: 2px solid #c00; margin: 2mm 0 8mm; }
            h1 { text-align: center; font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 20pt;
              font-weight: normal; margin: 0 0 6mm; }
            h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal;
              margin: 4mm 0 2mm; text-indent: 2em; }
            p { margin: 0 0 2mm; text-indent: 2em; text-align: justify; }
            p.addressee { text-indent: 0; }
            table { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.5; margin: 2mm 0 4mm; }
            th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: middle; }
            th { font-family: "SimHei", "黑体", sans-serif; font-weight: normal; background: #f2f2f2; }
            td.seq, td.level { text-align: center; white-space: nowrap; }
            th.seq { width: 13mm; white-space: nowrap; } th.town { width: 28mm; } th.item { width: 30mm; } th.level { width: 20mm; }
            tr.red td.level { color: #c00; } tr.orange td.level { color: #d46b08; } tr.yellow td.level { color: #ad8b00; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            h2.rules { font-size: 12pt; text-indent: 0; margin-top: 6mm; }
            ol.rules { font-size: 11pt; line-height: 1.5; margin: 0; padding-left: 6mm; }
            .signature { margin-top: 14mm; text-align: right; padding-right: 8mm; }
            @media print {
              html { background: #fff; }
              .no-print { display: none; }
              .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
            }
            """;
}
