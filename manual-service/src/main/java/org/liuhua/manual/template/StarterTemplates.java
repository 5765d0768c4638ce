package org.liuhua.manual.template;

import org.liuhua.kit.time.CityCalendar;
import java.util.List;

import org.liuhua.manual.starter.StarterFiles;
import org.liuhua.manual.starter.StarterProperties;
import org.liuhua.manual.template.domain.AppliesTo;
import org.liuhua.manual.template.domain.Section;
import org.liuhua.manual.template.domain.Template;
import org.liuhua.manual.template.domain.TemplateContent;
import org.liuhua.manual.template.domain.TemplateKind;
import org.liuhua.manual.template.domain.TemplatePost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the starter templates (policy-based content per industry: dust explosion, metal smelting, confined space,
 * hazardous chemicals, ammonia refrigeration, construction, town gas) as published version 1 of each, once: a
 * template whose code is already there is left as it is, so restarts and edits by departments are kept.
 */
@Component
@Order(10)
class StarterTemplates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StarterTemplates.class);

    /** One entry of {@code starter/templates.json}. */
    record StarterTemplate(String code, TemplateKind kind, String title, String departmentId, AppliesTo appliesTo,
                           List<Section> sections, List<TemplatePost> posts) {

        StarterTemplate {
            // a template of sections only (accident cases, hazard checks) names no posts
            sections = sections == null ? List.of() : sections;
            posts = posts == null ? List.of() : posts;
        }
    }

    private final StarterFiles files;
    private final StarterProperties properties;
    private final Templates templates;
    private final CityCalendar clock;

    StarterTemplates(StarterFiles files, StarterProperties properties, Templates templates, CityCalendar clock) {
        this.files = files;
        this.properties = properties;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            load();
        }
    }

    int load() {
        int inserted = 0;
        List<StarterTemplate> entries = files.read(properties.templates(), StarterTemplate.class);
        for (StarterTemplate s : entries) {
            Template template = Template.starter(Templates.idOf(s.code()), s.code(), s.kind(), s.departmentId(),
                    s.appliesTo(), new TemplateContent(s.title(), s.sections(), s.posts()), clock.now());
            if (templates.insertStarter(template)) {
                inserted++;
            }
        }
        log.info("starter templates: {} in the file, {} new", entries.size(), inserted);
        return inserted;
    }
}
