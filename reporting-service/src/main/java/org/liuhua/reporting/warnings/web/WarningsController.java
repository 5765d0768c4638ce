package org.liuhua.reporting.warnings.web;

import java.util.List;
import java.util.Map;

import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.monthly.ReportMonth;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.warnings.MonthWarnings;
import org.liuhua.reporting.warnings.domain.RuleDescription;
import org.liuhua.reporting.warnings.domain.Warning;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The month's warnings within the caller's scope, as JSON and as the printable notice 预警通报. */
@RestController
@RequestMapping("/api/v1/warnings")
class WarningsController {

    record RuleJson(String rule, String title, boolean enabled, String level, String levelTitle, String condition,
                    String basis, int townsWithoutFigures) {
        static RuleJson of(RuleDescription r) {
            return new RuleJson(r.rule().name(), r.title(), r.enabled(), r.level().name(), r.level().title(),
                    r.condition(), r.basis(), r.townsWithoutFigures());
        }
    }

    record WarningJson(String townId, String townName, String rule, String ruleTitle, String level,
                       String levelTitle, String reason, Map<String, Object> figures) {
        static WarningJson of(Warning w) {
            return new WarningJson(w.townId(), w.townName(), w.rule().name(), w.rule().title(), w.level().name(),
                    w.level().title(), w.reason(), w.figures());
        }
    }

    record WarningsJson(String month, List<RuleJson> rules, List<WarningJson> warnings) {
    }

    private final MonthWarnings warnings;
    private final CityCalendar calendar;

    WarningsController(MonthWarnings warnings, CityCalendar calendar) {
        this.warnings = warnings;
        this.calendar = calendar;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    // per town only: a department officer is refused whatever the month (MonthlyProgress), so before it is read
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER')")
    WarningsJson list(@RequestParam(required = false) String month) {
        MonthWarnings.Result result = warnings.warnings(ReportScope.of(Caller.current()),
                ReportMonth.parse(month, calendar));
        return new WarningsJson(result.month(), result.rules().stream().map(RuleJson::of).toList(),
                result.warnings().stream().map(WarningJson::of).toList());
    }

    @GetMapping(value = "/notice", produces = "text/html;charset=UTF-8")
    // per town only: a department officer is refused whatever the month (MonthlyProgress), so before it is read
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER')")
    String notice(@RequestParam(required = false) String month) {
        return NoticePage.render(warnings.notice(ReportScope.of(Caller.current()),
                ReportMonth.parse(month, calendar)));
    }
}
