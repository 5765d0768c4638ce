package org.liuhua.reporting.monthly;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TownMonthDocumentsTest {

    final Document d = new Document(Map.of(
            "hazards", new Document(Map.of("reported", 7, "penaltyCny", new Decimal128(new BigDecimal("12345.67")),
                    "penaltyByCase", new Document(Map.of("c1", 1000L, "c2", 2500.5)))),
            "grid", new Document(Map.of("inspectionGroups", List.of("u1", "u2"),
                    "inspectionVisits", new Document(Map.of("p1:e1", 1, "p1:e2", 1, "p2:e1", 1)),
                    "odd", new Document(Map.of("a", "x", "b", 2)))),
            "training", new Document(Map.of("rates", new Document(Map.of("establishments", 40L,
                    "learningParticipationRate", 0.5))))));

    @Test
    void numbersAreReadAsTheyAreSetsAsTheirSizeAndMapsAsTheSumOfTheirValues() {
        assertThat(TownMonthDocuments.count(d, "hazards.reported")).isEqualTo(7);
        assertThat(TownMonthDocuments.count(d, "grid.inspectionGroups")).isEqualTo(2);
        assertThat(TownMonthDocuments.count(d, "grid.inspectionVisits")).isEqualTo(3);
        assertThat(TownMonthDocuments.count(d, "grid.odd")).as("a value that is not a number counts one").isEqualTo(3);
        assertThat(TownMonthDocuments.count(d, "grid.missing")).isZero();
        assertThat(TownMonthDocuments.count(d, "hazards.reported.deeper")).isZero();
    }

    @Test
    void amountsKeepTheirDecimals() {
        assertThat(TownMonthDocuments.amount(d, "hazards.penaltyCny")).isEqualByComparingTo("12345.67");
        assertThat(TownMonthDocuments.amount(d, "hazards.penaltyByCase")).isEqualByComparingTo("3500.5");
        assertThat(TownMonthDocuments.amount(d, "hazards.none")).isEqualByComparingTo("0");
    }

    @Test
    void aNumberIsNullWhenAbsent() {
        assertThat(TownMonthDocuments.number(d, "training.rates.establishments")).isEqualTo(40L);
        assertThat(TownMonthDocuments.number(d, "training.rates.learningBase")).isNull();
        assertThat(TownMonthDocuments.number(new Document(), "training.rates.establishments")).isNull();
    }
}
