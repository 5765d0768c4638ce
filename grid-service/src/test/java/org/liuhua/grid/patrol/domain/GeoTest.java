package org.liuhua.grid.patrol.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeoTest {

    @Test
    void oneHundredthOfADegreeOfLatitudeIsAboutOneKilometre() {
        assertThat(Geo.distanceMeters(31.93, 120.62, 31.94, 120.62)).isCloseTo(1112, within(2.0));
        assertThat(Geo.distanceMeters(31.93, 120.62, 31.93, 120.62)).isZero();
    }

    @Test
    void longitudeShrinksWithLatitude() {
        assertThat(Geo.distanceMeters(31.93, 120.62, 31.93, 120.63)).isCloseTo(944, within(3.0));
    }
}
