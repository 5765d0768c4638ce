package org.liuhua.manual.checklist;

import java.util.List;

import org.liuhua.kit.time.CityCalendar;
import org.liuhua.manual.checklist.domain.ChecklistItem;
import org.liuhua.manual.checklist.domain.LegalBasis;
import org.liuhua.manual.starter.StarterFiles;
import org.liuhua.manual.starter.StarterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes the starter hazard-check items (工贸企业重大事故隐患判定标准 and others) once at start-up: an item whose
 * code is already there is kept as it is (a code is stable; a changed item gets a new code).
 */
@Component
@Order(20)
public class StarterChecklists implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StarterChecklists.class);

    /** One entry of {@code starter/checklists.json}. */
    public record StarterItem(String code, String domain, List<String> industries, List<String> flags, String text,
                              LegalBasis legalBasis, boolean major, String category, boolean verified, String note) {
    }

    private final StarterFiles files;
    private final StarterProperties properties;
    private final ChecklistItems items;
    private final CityCalendar calendar;

    StarterChecklists(StarterFiles files, StarterProperties properties, ChecklistItems items, CityCalendar calendar) {
        this.files = files;
        this.properties = properties;
        this.items = items;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            load();
        }
    }

    public int load() {
        int published = 0;
        List<StarterItem> entries = files.read(properties.checklists(), StarterItem.class);
        for (StarterItem s : entries) {
            if (items.publishIfAbsent(ChecklistItem.publish(s.code(), s.domain(), s.industries(), s.flags(), s.text(),
                    s.legalBasis(), s.major(), s.category(), s.verified(), s.note(), calendar.now()))) {
                published++;
            }
        }
        log.info("starter checklist items: {} in the file, {} new", entries.size(), published);
        return published;
    }
}
