package org.liuhua.training.exam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.training.Hmac;
import org.liuhua.training.exam.domain.Difficulty;
import org.liuhua.training.exam.domain.SpotExamDraw;
import org.liuhua.training.rules.domain.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The draw is a pure function of seed, staff and pool: reproducible, least-used first, no repeats, quotas exact. */
class SpotExamDrawTest {

    static List<SpotExamDraw.Candidate> pool(int size, long usedBelow) {
        List<SpotExamDraw.Candidate> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            pool.add(new SpotExamDraw.Candidate("Q%03d@1".formatted(i), i % 2 == 0 ? "灭火器" : "用电",
                    Difficulty.values()[i % 3], i < usedBelow ? 5 : 0, List.of(), List.of()));
        }
        return pool;
    }

    static List<SpotExamDraw.Person> staff(int n) {
        List<SpotExamDraw.Person> staff = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            staff.add(new SpotExamDraw.Person("S" + i, "FRONT_LINE"));
        }
        return staff;
    }

    @Test
    void theSameSeedGivesTheSameDrawAndAnotherSeedAnother() {
        byte[] seed = Hmac.sha256("secret", "GRID_PATROL|p-1|est-1");
        List<SpotExamDraw.Paper> a = SpotExamDraw.draw(seed, staff(20), 4, "MACHINERY", pool(40, 0), 6, List.of());
        List<SpotExamDraw.Person> reversed = new ArrayList<>(staff(20));
        java.util.Collections.reverse(reversed);
        List<SpotExamDraw.Paper> b = SpotExamDraw.draw(seed, reversed, 4, "MACHINERY", pool(40, 0), 6,
                List.of());
        assertThat(a).isEqualTo(b);
        List<SpotExamDraw.Paper> c = SpotExamDraw.draw(Hmac.sha256("secret", "GRID_PATROL|p-2|est-1"), staff(20), 4,
                "MACHINERY", pool(40, 0), 6, List.of());
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void leastUsedQuestionsComeFirstNoneRepeatsAndQuotasAreExact() {
        byte[] seed = Hmac.sha256("secret", "x");
        List<SpotExamDraw.Paper> papers = SpotExamDraw.draw(seed, staff(3), 3, "MACHINERY", pool(30, 20), 5,
                List.of(new SpotExamDraw.Quota("灭火器", null, 2)));
        for (SpotExamDraw.Paper p : papers) {
            assertThat(new HashSet<>(p.questionIds())).hasSize(5);
            assertThat(p.questionIds().stream().filter(q -> Integer.parseInt(q.substring(1, 4)) % 2 == 0)).hasSize(2);
        }
        assertThat(papers.get(0).questionIds()).allMatch(q -> Integer.parseInt(q.substring(1, 4)) >= 20);
        assertThat(new HashSet<>(papers.stream().map(p -> new HashSet<>(p.questionIds())).toList())).hasSize(3);
        assertThatThrownBy(() -> SpotExamDraw.draw(seed, staff(3), 3, "MACHINERY", pool(5, 0), 5, List.of()))
                .isInstanceOf(RuleViolationException.class);
    }
}
