package org.liuhua.hazard.publicreport.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.liuhua.events.hazard.RewardApproved;
import org.liuhua.events.hazard.RewardPaid;
import org.liuhua.events.hazard.RewardProposed;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.ForbiddenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reward's steps without Spring: in order, four eyes, one event each. */
class RewardTest {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void aRewardGoesFromEarnedToPaidInOrderWithAnEventPerStep() {
        Reward r = Reward.earned("h-1", "PR-ABC", "zjg-jinfeng", new BigDecimal("500"), NOW);
        assertThat(r.allowedCommands()).containsExactly("propose");
        assertThatThrownBy(() -> r.approve("city", "CITY_ADMIN", NOW)).isInstanceOf(ConflictException.class);

        r.propose("MAJOR", new BigDecimal("3000"), "town", "TOWN_OFFICER", NOW);
        assertThat(r.amountCny()).isEqualByComparingTo("3000");
        assertThatThrownBy(() -> r.approve("town", "CITY_ADMIN", NOW)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("four-eyes");
        assertThatThrownBy(() -> r.pay("ref", LocalDate.parse("2026-11-25"), "town", "TOWN_OFFICER", NOW))
                .isInstanceOf(ConflictException.class);
        r.approve("city", "CITY_ADMIN", NOW);
        r.pay("张应急奖〔2026〕12号", LocalDate.parse("2026-11-26"), "town", "TOWN_OFFICER", NOW);
        assertThat(r.state()).isEqualTo(Reward.PAID);
        assertThat(r.allowedCommands()).isEmpty();
        assertThat(r.registeredEvents()).hasExactlyElementsOfTypes(RewardProposed.class, RewardApproved.class,
                RewardPaid.class);
        RewardPaid paid = (RewardPaid) r.registeredEvents().get(2);
        assertThat(paid.rewardId()).isEqualTo("h-1");
        assertThat(paid.paymentReference()).isEqualTo("张应急奖〔2026〕12号");
        assertThat(r.registeredEvents().toString()).doesNotContain("PR-ABC");
    }
}
