package org.liuhua.reporting.cockpit.domain;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeHintTest {

    @Test
    void aTownSeesAHintOnlyWhenItConcernsThatTownAndThenNoOtherTown() {
        ChangeHint hint = new ChangeHint(Set.of("hazards"), Set.of("zjg-jinfeng", "zjg-leyu"));

        assertThat(hint.forTown("zjg-jinfeng")).contains(new ChangeHint(Set.of("hazards"), Set.of("zjg-jinfeng")));
        assertThat(hint.forTown("zjg-yangshe")).isEmpty();
    }

    @Test
    void aHintWithoutTownsConcernsEveryTown() {
        ChangeHint everywhere = new ChangeHint(Set.of("grid"), null);

        assertThat(everywhere.townIds()).isEmpty();
        assertThat(everywhere.forTown("zjg-leyu")).contains(everywhere);
    }

    @Test
    void mergingUnitesKindsAndTownsAndAnyTownWins() {
        ChangeHint a = new ChangeHint(Set.of("hazards"), Set.of("zjg-jinfeng"));
        ChangeHint b = new ChangeHint(Set.of("training"), Set.of("zjg-leyu"));

        assertThat(a.merge(b)).isEqualTo(new ChangeHint(Set.of("hazards", "training"), Set.of("zjg-jinfeng", "zjg-leyu")));
        assertThat(a.merge(new ChangeHint(Set.of("grid"), Set.of())).townIds()).isEmpty();
    }
}
