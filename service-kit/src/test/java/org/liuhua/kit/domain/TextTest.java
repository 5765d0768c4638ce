package org.liuhua.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void aBlankValueIsNoValueAndTheSpaceAroundAValueGoesFullWidthSpacesIncluded() {
        assertThat(Text.strippedOrNull(null)).isNull();
        assertThat(Text.strippedOrNull("")).isNull();
        assertThat(Text.strippedOrNull(" \t\u3000 ")).isNull();
        assertThat(Text.strippedOrNull("\u3000张 三 ")).isEqualTo("张 三");
        assertThat(Text.strippedOrNull("E0001")).isEqualTo("E0001");
    }
}
