package org.liuhua.events;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.events.audit.AuditRecorded;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRecordedExampleTest {

    @Test
    void theExampleReadsIntoTheRecordAndTheWireNamesAreTheAuditTopics() throws Exception {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        AuditRecorded example;
        try (InputStream in = getClass().getResourceAsStream("/events/liuhua.audit.recorded.v1.json")) {
            example = json.readValue(in, AuditRecorded.class);
        }

        assertThat(EventTypes.typeOf(AuditRecorded.class)).isEqualTo("liuhua.audit.recorded.v1");
        assertThat(EventTypes.topicOf(AuditRecorded.class)).isEqualTo(Topics.AUDIT);
        assertThat(example.roles()).isEqualTo(List.of("TOWN_OFFICER"));
        assertThat(example.action()).isEqualTo("POST /api/v1/hazards/{id}/transfer");
        assertThat(example.occurredAt()).isEqualTo(Instant.parse("2026-11-22T08:15:30Z"));
        assertThat(example.status()).isEqualTo(200);
        assertThat(example.outcome()).isEqualTo("SUCCEEDED");
        assertThat(example.auditId()).isNotBlank();
        assertThat(example.traceId()).hasSize(32);
    }
}
