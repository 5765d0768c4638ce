package org.liuhua.hazard.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.liuhua.hazard.firm.Contracts;
import org.liuhua.hazard.firm.FirmQuality;
import org.liuhua.hazard.firm.domain.Contract;
import org.liuhua.hazard.known.KnownEstablishments;
import org.liuhua.hazard.loop.HazardStore;
import org.liuhua.hazard.loop.domain.Corroboration;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A firm's report for one contract (H-7), as XLSX: the findings the firm entered on establishments the contract
 * covers while it ran (each opened or joined a hazard), how many were accepted by the authorities (their hazard moved
 * on from REPORTED: transferred or later), how many of those hazards are closed, and the firm's quality record ({@link FirmQuality}); a second sheet lists every finding with its
 * hazard's state. A town officer's report holds their town's findings only (the quality record is the firm's).
 */
@Service
public class ContractReport {

    private final Contracts contracts;
    private final HazardStore store;
    private final FirmQuality quality;
    private final KnownEstablishments known;
    private final CityCalendar calendar;

    ContractReport(Contracts contracts, HazardStore store, FirmQuality quality, KnownEstablishments known,
                   CityCalendar calendar) {
        this.contracts = contracts;
        this.store = store;
        this.quality = quality;
        this.known = known;
        this.calendar = calendar;
    }

    /** One finding of the report. */
    public record Line(String externalId, String hazardId, String establishmentId, String townId, String category,
                       String severity, boolean joined, String state, Instant enteredAt, Instant closedAt) {
    }

    /** The report's figures and lines. */
    public record Summary(Contract contract, String townId, long findings, long accepted, long closed,
                          FirmQuality.Quality quality, List<Line> lines) {
    }

    public Contract contract(String contractId) {
        return contracts.get(contractId);
    }

    /** The report of the contract, of every town (townId null) or of one. */
    public Summary summary(Contract contract, String townId) {
        String firm = contract.firmId();
        Instant from = calendar.startOf(contract.validFrom());
        Instant to = calendar.startOf(contract.validTo().plusDays(1));
        List<Line> lines = new ArrayList<>();
        Query query = new Query(new Criteria().orOperator(Criteria.where("firmId").is(firm),
                Criteria.where("corroborations.firmId").is(firm)));
        for (Hazard h : store.find(query)) {
            String unitId = known.find(h.establishmentId()).map(e -> e.unitId()).orElse(null);
            if (!contract.covers(h.establishmentId(), h.townId(), unitId)
                    || (townId != null && !townId.equals(h.townId()))) {
                continue;
            }
            if (firm.equals(h.firmId())) {
                add(lines, h, h.sourceRef(), false, h.reportedAt(), from, to);
            }
            for (Corroboration c : h.corroborations()) {
                if (firm.equals(c.firmId())) {
                    add(lines, h, c.sourceRef(), true, c.at(), from, to);
                }
            }
        }
        lines.sort(java.util.Comparator.comparing(Line::enteredAt));
        // accepted (受理): the authorities took the hazard up — it moved on from REPORTED (transferred or later); a
        // VOIDED hazard was not taken up
        long accepted = lines.stream().filter(l -> !HazardState.REPORTED.name().equals(l.state())
                && !HazardState.VOIDED.name().equals(l.state())).count();
        long closed = lines.stream().filter(l -> HazardState.CLOSED.name().equals(l.state())).count();
        return new Summary(contract, townId, lines.size(), accepted, closed, quality.of(firm), lines);
    }

    private static void add(List<Line> lines, Hazard h, String externalId, boolean joined, Instant at, Instant from,
                            Instant to) {
        if (at != null && !at.isBefore(from) && at.isBefore(to)) {
            lines.add(new Line(externalId, h.id(), h.establishmentId(), h.townId(), h.category(),
                    h.severity().name(), joined, h.state().name(), at, h.closedAt()));
        }
    }

    /** The report as an XLSX workbook: sheet 汇总 (summary) and sheet 明细 (every finding). */
    public byte[] workbook(Summary s) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet summary = wb.createSheet("汇总");
            Contract c = s.contract();
            FirmQuality.Quality q = s.quality();
            Object[][] rows = {
                    {"合同编号 (contractId)", c.id()},
                    {"第三方机构 (firmId)", c.firmId()},
                    {"有效期起 (validFrom)", c.validFrom().toString()},
                    {"有效期止 (validTo)", c.validTo().toString()},
                    {"范围镇 (townId)", s.townId() == null ? "全市" : s.townId()},
                    {"发现隐患 (findings)", s.findings()},
                    {"受理 (accepted)", s.accepted()},
                    {"已销号 (closed)", s.closed()},
                    {"机构累计受理 (quality.accepted)", q.accepted()},
                    {"格式不合格退回 (quality.rejectedMalformed)", q.rejectedMalformed()},
                    {"复核不通过 (quality.rejectedAtReview)", q.rejectedAtReview()},
                    {"重复推送 (quality.duplicates)", q.duplicates()},
                    {"推送时延中位数秒 (quality.medianPushDelaySeconds)",
                            q.medianPushDelaySeconds() == null ? "" : q.medianPushDelaySeconds()}};
            for (int i = 0; i < rows.length; i++) {
                Row row = summary.createRow(i);
                row.createCell(0).setCellValue((String) rows[i][0]);
                if (rows[i][1] instanceof Number n) {
                    row.createCell(1).setCellValue(n.doubleValue());
                } else {
                    row.createCell(1).setCellValue(String.valueOf(rows[i][1]));
                }
            }
            Sheet detail = wb.createSheet("明细");
            String[] header = {"机构编号 (externalId)", "隐患编号 (hazardId)", "单位 (establishmentId)", "镇 (townId)",
                    "类别 (category)", "等级 (severity)", "并入已有隐患 (joined)", "状态 (state)", "推送时间 (enteredAt)",
                    "销号时间 (closedAt)"};
            Row head = detail.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (Line l : s.lines()) {
                Row row = detail.createRow(r++);
                String[] values = {l.externalId(), l.hazardId(), l.establishmentId(), l.townId(), l.category(),
                        l.severity(), l.joined() ? "是" : "否", l.state(), String.valueOf(l.enteredAt()),
                        l.closedAt() == null ? "" : l.closedAt().toString()};
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
