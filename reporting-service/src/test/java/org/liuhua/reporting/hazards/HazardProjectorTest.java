package org.liuhua.reporting.hazards;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

class HazardProjectorTest {

    /** Every event type published on the hazard topic, as event-contracts declares them. */
    static Set<String> hazardEventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        Set<String> types = new TreeSet<>();
        scanner.findCandidateComponents("org.liuhua.events").forEach(candidate -> {
            try {
                Class<?> record = Class.forName(candidate.getBeanClassName());
                EventType type = record.getAnnotation(EventType.class);
                // a hazard's life-cycle events carry its id; other events of the topic (warning interviews) have
                // their own projector, and a whistle-blower reward's steps (keyed by rewardId) are the reward's life,
                // not the hazard's: no hazard figure changes with them
                boolean lifeCycle = java.util.Arrays.stream(record.getRecordComponents())
                        .anyMatch(c -> c.getName().equals("hazardId"))
                        && java.util.Arrays.stream(record.getRecordComponents())
                        .noneMatch(c -> c.getName().equals("rewardId"));
                if (type.topic().equals(Topics.HAZARD) && lifeCycle) {
                    types.add(type.value());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        return types;
    }

    @Test
    void everyHazardEventTypeOfTheContractsIsRead() {
        HazardProjector projector = new HazardProjector(null, CityCalendar.standard());

        assertThat(hazardEventTypes()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(new TreeSet<>(projector.types())).as("a hazard event type the facts would miss")
                .containsAll(hazardEventTypes());
        assertThat(projector.topics()).containsExactly(Topics.HAZARD);
    }
}
