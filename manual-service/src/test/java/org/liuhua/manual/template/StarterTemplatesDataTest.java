package org.liuhua.manual.template;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liuhua.manual.starter.StarterFiles;
import org.liuhua.manual.template.StarterTemplates.StarterTemplate;
import org.liuhua.manual.template.domain.SectionItem;
import org.liuhua.manual.template.domain.TemplateContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter templates read in the loader's format, are usable handbooks (the same check a department's template
 * passes), and every item says where it comes from.
 */
class StarterTemplatesDataTest {

    static List<StarterTemplate> read(String resource) throws Exception {
        try (InputStream in = StarterTemplatesDataTest.class.getResourceAsStream(resource)) {
            return in == null ? null : StarterFiles.read(in, StarterTemplate.class);
        }
    }

    static void check(List<StarterTemplate> templates) {
        assertThat(templates).isNotEmpty();
        assertThat(templates.stream().map(StarterTemplate::code)).doesNotHaveDuplicates();
        for (StarterTemplate t : templates) {
            assertThat(t.kind()).as(t.code() + " kind").isNotNull();
            assertThat(t.departmentId()).as(t.code() + " department").isNotBlank();
            assertThat(t.appliesTo()).as(t.code() + " appliesTo").isNotNull();
            new TemplateContent(t.title(), t.sections(), t.posts()).checked();
            t.sections().forEach(s -> s.items().stream().map(SectionItem::source).forEach(source ->
                    assertThat(source).as(t.code() + "/" + s.key() + " item source").isNotBlank()));
            t.posts().forEach(p -> assertThat(p.card()).as(t.code() + "/" + p.key() + " card").isNotNull());
        }
    }

    @Test
    void theFixtureTemplatesAreUsable() throws Exception {
        check(read("/fixtures/templates.json"));
    }

    @Test
    void theStarterTemplatesAreUsableAndCoverTheIndustriesOfTheIssue() throws Exception {
        List<StarterTemplate> templates = read("/starter/templates.json");
        Assumptions.assumeTrue(templates != null, "starter/templates.json is not there yet");
        check(templates);
        Set<String> flags = templates.stream().flatMap(t -> t.appliesTo().flags().stream())
                .collect(Collectors.toSet());
        assertThat(flags).contains("DUST_EXPLOSION", "METAL_SMELTING", "CONFINED_SPACE", "HAZARDOUS_CHEMICALS",
                "AMMONIA_REFRIGERATION");
    }
}
