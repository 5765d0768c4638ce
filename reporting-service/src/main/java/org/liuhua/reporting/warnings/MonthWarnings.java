package org.liuhua.reporting.warnings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.monthly.MonthlyProgress;
import org.liuhua.reporting.monthly.ReportTown;
import org.liuhua.reporting.monthly.TownRegister;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.warnings.domain.RuleDescription;
import org.liuhua.reporting.warnings.domain.TownInputs;
import org.liuhua.reporting.warnings.domain.Warning;
import org.liuhua.reporting.warnings.domain.WarningRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The month's warnings: every town of the city is judged (a bottom quantile compares towns), then the list is
 * cut to the caller's scope — a town officer sees their town's warnings only; a department officer is refused, as for
 * the monthly table.
 */
@Service
@EnableConfigurationProperties(WarningProperties.class)
public class MonthWarnings {

    /** The month's warnings within a scope, with the rules as configured. */
    public record Result(String month, List<RuleDescription> rules, List<Warning> warnings) {
    }

    /** What the printed notice needs beside the warnings: its number, dates, issuer. */
    public record Notice(Result result, String number, LocalDate issuedOn, LocalDate deadline, String issuer,
                         String reportTo, boolean cityWide, String townName) {
    }

    private final TownRegister towns;
    private final MonthlyProgress monthly;
    private final WarningInputs inputs;
    private final Projections projections;
    private final WarningProperties properties;
    private final CityCalendar calendar;

    MonthWarnings(TownRegister towns, MonthlyProgress monthly, WarningInputs inputs, Projections projections,
                  WarningProperties properties, CityCalendar calendar) {
        this.towns = towns;
        this.monthly = monthly;
        this.inputs = inputs;
        this.projections = projections;
        this.properties = properties;
        this.calendar = calendar;
    }

    public Result warnings(ReportScope scope, YearMonth month) {
        List<ReportTown> visible = monthly.townsOf(scope);
        List<ReportTown> judged = new ArrayList<>(towns.towns());
        visible.stream().filter(t -> judged.stream().noneMatch(j -> j.id().equals(t.id()))).forEach(judged::add);
        ProjectionSpace space = projections.active();
        List<TownInputs> figures = judged.stream().map(t -> inputs.inputs(t, month, space)).toList();
        WarningRules rules = new WarningRules(properties.settings());
        List<Warning> warnings = rules.evaluate(month.toString(), figures).stream()
                .filter(w -> scope.allowsTown(w.townId())).toList();
        List<TownInputs> visibleFigures = figures.stream().filter(f -> scope.allowsTown(f.townId())).toList();
        return new Result(month.toString(), rules.describe(visibleFigures), warnings);
    }

    public Notice notice(ReportScope scope, YearMonth month) {
        Result result = warnings(scope, month);
        WarningProperties.Notice notice = properties.notice();
        LocalDate today = calendar.today();
        String townName = scope.isCity() ? null : monthly.townsOf(scope).get(0).name();
        return new Notice(result, notice.numberPrefix() + "〔" + month.getYear() + "〕" + month.getMonthValue() + "号",
                today, today.plusDays(notice.rectifyDays()), notice.issuer(), notice.reportTo(), scope.isCity(),
                townName);
    }
}
