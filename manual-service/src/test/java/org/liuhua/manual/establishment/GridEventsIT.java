package org.liuhua.manual.establishment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.manual.ManualIT;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Establishments are known from grid events only; the newest revision wins, a stale or repeated event changes nothing. */
class GridEventsIT extends ManualIT {

    @Autowired
    KnownEstablishments establishments;

    @Test
    void anEstablishmentIsKnownFromGridEventsAndTheHighestRevisionWins() {
        String id = unique("est-jinfeng");
        EstablishmentRegistered first = registered(id, JINFENG, "dept-industry", "METAL_PRODUCTS",
                List.of("DUST_EXPLOSION"), 2);
        publish(Topics.GRID, id, first);
        awaitKnown(id, 2);
        // an older snapshot arriving late, and the same one again, change nothing
        publish(Topics.GRID, id, changed(registered(id, TANGQIAO, "dept-fire", "CATERING", List.of(), 1)));
        publish(Topics.GRID, id, first);
        EstablishmentRegistered newer = registered(id, JINFENG, "dept-emergency", "METAL_PRODUCTS",
                List.of("DUST_EXPLOSION", "CONFINED_SPACE"), 3);
        publish(Topics.GRID, id, changed(newer));
        awaitKnown(id, 3);

        KnownEstablishment known = establishments.get(id);
        assertThat(known.townId()).isEqualTo(JINFENG);
        assertThat(known.departmentId()).isEqualTo("dept-emergency");
        assertThat(known.industry()).isEqualTo("METAL_PRODUCTS");
        assertThat(known.flags()).containsExactly("DUST_EXPLOSION", "CONFINED_SPACE");
        assertThat(known.unitId()).isEqualTo(JINFENG + "-v01-g1-u1");
    }
}
