package org.liuhua.kit.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Asia/Shanghai is UTC+8 all year: the city's midnight is 16:00 UTC of the day before. */
class CityCalendarTest {

    static final Instant CITY_MIDNIGHT_DEC_1 = Instant.parse("2026-11-30T16:00:00Z");
    static final Instant JUST_BEFORE = CITY_MIDNIGHT_DEC_1.minusMillis(1);

    final CityCalendar city = new CityCalendar(ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
    final CityCalendar utc = new CityCalendar(ZoneOffset.UTC, Clock.systemUTC());

    @Test
    void theMonthTurnsAtTheCitysMidnightNotAtUtcMidnight() {
        assertThat(city.monthKey(JUST_BEFORE)).isEqualTo("2026-11");
        assertThat(city.monthKey(CITY_MIDNIGHT_DEC_1)).isEqualTo("2026-12");
        assertThat(utc.monthKey(CITY_MIDNIGHT_DEC_1)).as("in UTC it is still November").isEqualTo("2026-11");
        assertThat(city.monthOf(CITY_MIDNIGHT_DEC_1)).isEqualTo(YearMonth.of(2026, 12));
        assertThat(city.dayOf(CITY_MIDNIGHT_DEC_1)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(city.dayOf(JUST_BEFORE)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void quartersAndHalfYearsTurnAtTheCitysMidnight() {
        Instant q2 = Instant.parse("2026-03-31T16:00:00Z");
        assertThat(city.quarterKey(q2.minusMillis(1))).isEqualTo("2026-Q1");
        assertThat(city.quarterKey(q2)).isEqualTo("2026-Q2");
        assertThat(utc.quarterKey(q2)).isEqualTo("2026-Q1");

        Instant h2 = Instant.parse("2026-06-30T16:00:00Z");
        assertThat(city.halfYearKey(h2.minusMillis(1))).isEqualTo("2026-H1");
        assertThat(city.halfYearKey(h2)).isEqualTo("2026-H2");
        assertThat(utc.halfYearKey(h2)).isEqualTo("2026-H1");
        assertThat(city.quarterKey(Instant.parse("2026-11-20T08:00:00Z"))).isEqualTo("2026-Q4");
    }

    @Test
    void theYearTurnsAtTheCitysMidnight() {
        Instant newYear = Instant.parse("2026-12-31T16:00:00Z");

        assertThat(city.monthKey(newYear)).isEqualTo("2027-01");
        assertThat(city.quarterKey(newYear)).isEqualTo("2027-Q1");
        assertThat(city.halfYearKey(newYear)).isEqualTo("2027-H1");
        assertThat(city.monthKey(newYear.minusMillis(1))).isEqualTo("2026-12");
        assertThat(city.quarterKey(newYear.minusMillis(1))).isEqualTo("2026-Q4");
        assertThat(city.halfYearKey(newYear.minusMillis(1))).isEqualTo("2026-H2");
        assertThat(utc.monthKey(newYear)).isEqualTo("2026-12");
    }

    @Test
    void boundsOfDaysAndMonthsAreTheCitysMidnights() {
        assertThat(city.startOf(LocalDate.of(2026, 12, 1))).isEqualTo(CITY_MIDNIGHT_DEC_1);
        assertThat(city.endOf(LocalDate.of(2026, 11, 30))).isEqualTo(CITY_MIDNIGHT_DEC_1);
        assertThat(city.startOf(YearMonth.of(2026, 12))).isEqualTo(CITY_MIDNIGHT_DEC_1);
        assertThat(city.endOf(YearMonth.of(2026, 11))).isEqualTo(CITY_MIDNIGHT_DEC_1);
        assertThat(city.endOf(YearMonth.of(2026, 12))).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(utc.startOf(LocalDate.of(2026, 12, 1))).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void todayIsTheCitysDate() {
        Clock evening = Clock.fixed(Instant.parse("2026-11-30T17:30:00Z"), ZoneOffset.UTC);

        assertThat(new CityCalendar(ZoneId.of("Asia/Shanghai"), evening).today()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(new CityCalendar(ZoneOffset.UTC, evening).today()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(new CityCalendar(null, evening).zone()).isEqualTo(CityCalendar.DEFAULT_ZONE);
        assertThat(new CityCalendar(null, Clock.fixed(Instant.parse("2026-11-30T17:30:00.123456Z"),
                ZoneOffset.UTC)).now()).isEqualTo(Instant.parse("2026-11-30T17:30:00.123Z"));
    }

    @Test
    void periodStartsOfADay() {
        assertThat(CityCalendar.quarterStart(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(CityCalendar.quarterStart(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(CityCalendar.quarterStart(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(CityCalendar.halfYearStart(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(CityCalendar.halfYearStart(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(CityCalendar.weekStart(LocalDate.of(2026, 12, 6))).as("a Sunday")
                .isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(CityCalendar.weekStart(LocalDate.of(2026, 11, 30))).as("a Monday")
                .isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void theZoneComesFromLiuhuaZoneWithShanghaiByDefault() {
        CityProperties configured = new Binder(new MapConfigurationPropertySource(Map.of("liuhua.zone", "UTC")))
                .bind("liuhua", CityProperties.class).get();
        CityProperties unset = new Binder(new MapConfigurationPropertySource(Map.of("liuhua.other", "x")))
                .bindOrCreate("liuhua", CityProperties.class);

        assertThat(configured.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(unset.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
}
