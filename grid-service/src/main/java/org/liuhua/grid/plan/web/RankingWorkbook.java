package org.liuhua.grid.plan.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.liuhua.grid.plan.PatrolPlans;

/** The inspector ranking of a month as one XLSX sheet (巡查员考核排名): a header row, then one row per inspector. */
final class RankingWorkbook {

    static final String[] HEADERS = {"排名", "巡查员编号", "巡查员", "镇（区、街道）", "月份", "巡查对象数", "应巡查",
            "已巡查", "完成率", "完成巡查次数", "覆盖巡查对象", "发现问题", "发现隐患", "跟踪销号"};

    private RankingWorkbook() {
    }

    static void write(YearMonth month, List<PatrolPlans.RankedAssessment> ranking, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("巡查员考核排名 " + month);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            int r = 1;
            for (PatrolPlans.RankedAssessment ranked : ranking) {
                PatrolPlans.Assessment a = ranked.assessment();
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(ranked.rank());
                row.createCell(1).setCellValue(a.inspectorId());
                row.createCell(2).setCellValue(a.name() == null ? "" : a.name());
                row.createCell(3).setCellValue(a.townId() == null ? "" : a.townId());
                row.createCell(4).setCellValue(a.month().toString());
                row.createCell(5).setCellValue(a.establishments());
                row.createCell(6).setCellValue(a.patrolsDue());
                row.createCell(7).setCellValue(a.patrolsDone());
                row.createCell(8).setCellValue(a.completionRate());
                row.createCell(9).setCellValue(a.patrolsCompleted());
                row.createCell(10).setCellValue(a.establishmentsCovered());
                row.createCell(11).setCellValue(a.findings());
                row.createCell(12).setCellValue(a.hazardsFound());
                row.createCell(13).setCellValue(a.findingsClosed());
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
