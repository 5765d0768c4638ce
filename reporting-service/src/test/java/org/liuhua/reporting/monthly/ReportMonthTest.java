package org.liuhua.reporting.monthly;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportMonthTest {

    // 1 December 2026, 01:00 in the city (still 30 November in UTC)
    final CityCalendar calendar = new CityCalendar(CityCalendar.DEFAULT_ZONE,
            Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), ZoneOffset.UTC));

    @Test
    void withoutAMonthItIsLastMonthInTheCityCalendar() {
        assertThat(ReportMonth.parse(null, calendar)).isEqualTo(YearMonth.of(2026, 11));
        assertThat(ReportMonth.parse("", calendar)).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void theCurrentAndPastMonthsAreAccepted() {
        assertThat(ReportMonth.parse("2026-12", calendar)).isEqualTo(YearMonth.of(2026, 12));
        assertThat(ReportMonth.parse("2025-01", calendar)).isEqualTo(YearMonth.of(2025, 1));
    }

    @Test
    void aBadOrFutureMonthIsInvalidInputNamingMonth() {
        for (String bad : new String[] {"2026-13", "2026-1", "202611", "2026-11-01", "next", "2027-01", "1999-12"}) {
            assertThatThrownBy(() -> ReportMonth.parse(bad, calendar)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("month"));
        }
    }
}
