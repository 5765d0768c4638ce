package org.liuhua.reporting.audit.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditFilterTest {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void blankValuesAreNoFilter() {
        AuditFilter filter = new AuditFilter(" ", "", null, null, null);

        assertThat(filter.subject()).isNull();
        assertThat(filter.action()).isNull();
        assertThat(filter.targetId()).isNull();
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                new AuditFilter("a\u0000", "POST\u0000", "t\n", T0, T0));

        assertThat(refused.errors()).extracting(FieldProblem::field)
                .containsExactly("subject", "action", "targetId", "from");
    }

    @Test
    void aValueLongerThanAnyRecordedOneIsRefused() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                new AuditFilter(null, "x".repeat(AuditFilter.MAX_LENGTH + 1), null, null, null));

        assertThat(refused.errors()).extracting(FieldProblem::field).containsExactly("action");
        assertThat(new AuditFilter(null, "x".repeat(AuditFilter.MAX_LENGTH), null, T0, T0.plusSeconds(1)).action())
                .hasSize(AuditFilter.MAX_LENGTH);
    }
}
