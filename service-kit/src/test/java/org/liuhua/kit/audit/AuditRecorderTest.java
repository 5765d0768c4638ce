package org.liuhua.kit.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRecorderTest {

    @Test
    void theOutcomeFollowsTheStatus() {
        assertThat(AuditRecorder.outcome(200)).isEqualTo("SUCCEEDED");
        assertThat(AuditRecorder.outcome(201)).isEqualTo("SUCCEEDED");
        assertThat(AuditRecorder.outcome(204)).isEqualTo("SUCCEEDED");
        assertThat(AuditRecorder.outcome(401)).isEqualTo("DENIED");
        assertThat(AuditRecorder.outcome(403)).isEqualTo("DENIED");
        assertThat(AuditRecorder.outcome(404)).isEqualTo("REJECTED");
        assertThat(AuditRecorder.outcome(409)).isEqualTo("REJECTED");
        assertThat(AuditRecorder.outcome(500)).isEqualTo("FAILED");
    }

    record Created(String id, String state) {
    }

    static class Bean {
        public String getId() {
            return "bean-1";
        }
    }

    @Test
    void theIdOfAnAnsweredBodyIsFoundInRecordsBeansAndMaps() {
        assertThat(AuditTargetAdvice.idOf(new Created("hz-1", "REPORTED"))).isEqualTo("hz-1");
        assertThat(AuditTargetAdvice.idOf(new Bean())).isEqualTo("bean-1");
        assertThat(AuditTargetAdvice.idOf(Map.of("id", "est-1"))).isEqualTo("est-1");
        assertThat(AuditTargetAdvice.idOf("plain text")).isNull();
        assertThat(AuditTargetAdvice.idOf(Map.of("name", "x"))).isNull();
    }
}
