package org.liuhua.hazard.hazard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.liuhua.events.hazard.HazardReported;
import org.liuhua.kit.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A hidden-hazard ticket: the aggregate of hazard-service. State changes are methods that check the rule and record
 * the event in the embedded outbox, so the change and its events are one document write.
 */
@Document(collection = "hazards")
public class Hazard {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Id
    private String id;
    @Version
    private Long version;
    private long revision;
    private String establishmentId;
    private String townId;
    private String category;
    private Severity severity;
    private HazardSource source;
    private String sourceRef;
    private String description;
    private HazardState state;
    private String reportedBy;
    private Instant reportedAt;
    private LocalDate deadline;
    private List<OutboxEvent> outbox = new ArrayList<>();

    Hazard() {
    }

    public static Hazard report(ReportHazard command, String reportedBy, Instant now) {
        Hazard hazard = new Hazard();
        hazard.id = UUID.randomUUID().toString();
        hazard.establishmentId = command.establishmentId();
        hazard.townId = command.townId();
        hazard.category = command.category();
        hazard.severity = command.severity() == null ? Severity.GENERAL : command.severity();
        hazard.source = command.source();
        hazard.sourceRef = command.sourceRef();
        hazard.description = command.description();
        hazard.state = HazardState.REPORTED;
        hazard.reportedBy = reportedBy;
        hazard.reportedAt = now;
        hazard.deadline = command.deadline() != null ? command.deadline()
                : LocalDate.ofInstant(now, CHINA).plusDays(hazard.severity == Severity.MAJOR ? 60 : 30);
        hazard.revision = 1;
        hazard.outbox.add(OutboxEvent.of(hazard.id, new HazardReported(hazard.id, hazard.establishmentId,
                hazard.townId, hazard.category, hazard.severity.name(), hazard.source.name(), hazard.sourceRef,
                hazard.description, reportedBy, now, hazard.deadline, null, hazard.revision), now));
        return hazard;
    }

    public String id() {
        return id;
    }

    public long revision() {
        return revision;
    }

    public String establishmentId() {
        return establishmentId;
    }

    public String townId() {
        return townId;
    }

    public String category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public HazardSource source() {
        return source;
    }

    public String sourceRef() {
        return sourceRef;
    }

    public String description() {
        return description;
    }

    public HazardState state() {
        return state;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public LocalDate deadline() {
        return deadline;
    }

    List<OutboxEvent> pendingEvents() {
        return List.copyOf(outbox);
    }
}
