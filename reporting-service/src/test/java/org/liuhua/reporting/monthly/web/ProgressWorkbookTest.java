package org.liuhua.reporting.monthly.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.liuhua.reporting.monthly.domain.ProgressColumn;
import org.liuhua.reporting.monthly.domain.ProgressFigures;
import org.liuhua.reporting.monthly.domain.ProgressRow;
import org.liuhua.reporting.monthly.domain.ProgressTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The XLSX form read back with POI: the attachment's headers, merged groups, rows, totals, frozen header, formats. */
class ProgressWorkbookTest {

    /** The column headers of the attachment of haimen-standards-year-2023, as printed there. */
    static final List<String> ATTACHMENT_HEADERS = List.of("地 区", "开展自查企业(家)", "自查发现隐患(条)", "已整改(条)",
            "修订管理制度、操作规程企业(家)", "涉及修订管理制度、操作规程(项)", "开展安全生产教育和培训(人次)",
            "组织实施危险作业重点环节的生产安全事故应急救援演练(次)", "成立检查组(个)", "检查单位(家次)", "发现隐患(条)",
            "事前立案(件)", "处罚金额(万元)", "约谈警示(家)");

    static ProgressTable table() {
        List<ProgressRow> rows = new ArrayList<>();
        rows.add(new ProgressRow("zjg-yangshe", "杨舍镇", new ProgressFigures(12, 25, 20, 3, 5, 75, 1, 3, 14, 15, 2,
                ProgressFigures.tenThousandCny(new BigDecimal("35000")), 1)));
        rows.add(new ProgressRow("zjg-jinfeng", "锦丰镇", new ProgressFigures(4, 7, 2, 0, 0, 12, 0, 1, 5, 2, 1,
                ProgressFigures.tenThousandCny(new BigDecimal("12345")), 0)));
        rows.add(new ProgressRow("zjg-leyu", "乐余镇", ProgressFigures.ZERO));
        return ProgressTable.of("2026-11", rows);
    }

    static XSSFWorkbook roundTrip(ProgressTable table) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressWorkbook.write(table, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void theFormHasTheAttachmentsTitleHeaderGroupsAndColumnHeadersExactly() throws Exception {
        try (XSSFWorkbook workbook = roundTrip(table())) {
            XSSFSheet sheet = workbook.getSheet(ProgressWorkbook.SHEET);

            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("企业安全生产标准规范“落实年”专项行动情况进度统计表");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("统计月份：2026年11月");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("企业层面");
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("安全监管部门层面（含乡镇）");
            List<String> headers = new ArrayList<>();
            headers.add(sheet.getRow(2).getCell(0).getStringCellValue());
            for (int c = 1; c <= 13; c++) {
                headers.add(sheet.getRow(3).getCell(c).getStringCellValue());
            }
            assertThat(headers).containsExactlyElementsOf(ATTACHMENT_HEADERS);

            assertThat(sheet.getMergedRegions()).extracting(CellRangeAddress::formatAsString).containsExactlyInAnyOrder(
                    "A1:N1", "A2:N2", "A3:A4", "B3:H3", "I3:N3", "A9:N9");
            Row remark = sheet.getRow(8);
            assertThat(remark.getCell(0).getStringCellValue()).isEqualTo("备注：事前立案、处罚金额按照省执法系统据实填写。");
        }
    }

    @Test
    void oneRowPerTownAndTotalsThatAreTheSumOfTheRows() throws Exception {
        ProgressTable table = table();
        try (XSSFWorkbook workbook = roundTrip(table)) {
            XSSFSheet sheet = workbook.getSheet(ProgressWorkbook.SHEET);
            List<String> towns = new ArrayList<>();
            for (int r = 4; r < 7; r++) {
                towns.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(towns).containsExactly("杨舍镇", "锦丰镇", "乐余镇");
            Row totals = sheet.getRow(7);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
            for (int c = 1; c <= 13; c++) {
                double sum = 0;
                for (int r = 4; r < 7; r++) {
                    sum += sheet.getRow(r).getCell(c).getNumericCellValue();
                }
                assertThat(totals.getCell(c).getNumericCellValue()).as("column %d", c).isCloseTo(sum, within(1e-9));
            }
            // the figures are the table's, cell by cell
            for (int r = 0; r < 3; r++) {
                for (ProgressColumn column : ProgressColumn.values()) {
                    assertThat(sheet.getRow(4 + r).getCell(column.ordinal() + 1).getNumericCellValue())
                            .isEqualTo(table.rows().get(r).figures().value(column).doubleValue());
                }
            }
            assertThat(totals.getCell(12).getNumericCellValue()).isEqualTo(4.73); // 3.50 + 1.23 (12,345 CNY)
            assertThat(totals.getCell(1).getNumericCellValue()).isEqualTo(16);
        }
    }

    @Test
    void theHeaderIsFrozenAndFiguresAreFormattedAsTheFormAsks() throws Exception {
        try (XSSFWorkbook workbook = roundTrip(table())) {
            XSSFSheet sheet = workbook.getSheet(ProgressWorkbook.SHEET);

            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 1);
            Cell penalty = sheet.getRow(4).getCell(12);
            assertThat(penalty.getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(penalty.getNumericCellValue()).isEqualTo(3.5);
            assertThat(sheet.getRow(4).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(sheet.getColumnWidth(0)).isEqualTo(22 * 256);
            assertThat(sheet.getColumnWidth(7)).isGreaterThan(sheet.getColumnWidth(1));
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("3:4"));
        }
    }

    @Test
    void anEmptyTableStillHasTheFormAndZeroTotals() throws Exception {
        try (XSSFWorkbook workbook = roundTrip(ProgressTable.of("2026-11", List.of()))) {
            XSSFSheet sheet = workbook.getSheet(ProgressWorkbook.SHEET);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(sheet.getRow(4).getCell(12).getNumericCellValue()).isZero();
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).startsWith("备注");
        }
    }

    @Test
    void theFileNameIsRfc5987Encoded() {
        assertThat(MonthlyController.attachment("月度进度统计表-2026-11.xlsx", "monthly-progress-2026-11.xlsx"))
                .isEqualTo("attachment; filename=\"monthly-progress-2026-11.xlsx\"; filename*=UTF-8''"
                        + "%E6%9C%88%E5%BA%A6%E8%BF%9B%E5%BA%A6%E7%BB%9F%E8%AE%A1%E8%A1%A8-2026-11.xlsx");
    }
}
