package org.liuhua.hazard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain model stays free of Spring except the mapping annotations of Spring Data. */
class ArchitectureTest {

    static final List<String> DOMAIN = List.of("Hazard", "HistoryEntry", "Rectification", "Corroboration",
            "Enforcement", "EnforcementKind", "Actor", "Finding", "Outcome", "Severity", "HazardSource", "HazardState");

    @Test
    void domainClassesUseOnlySpringDataMappingAnnotations() throws IOException {
        Path dir = Path.of("src/main/java/org/liuhua/hazard/hazard");
        for (String name : DOMAIN) {
            List<String> springImports = Files.readAllLines(dir.resolve(name + ".java")).stream()
                    .filter(l -> l.startsWith("import org.springframework")).toList();
            assertThat(springImports).as(name).allMatch(l -> l.startsWith("import org.springframework.data.annotation.")
                    || l.startsWith("import org.springframework.data.mongodb.core.mapping."));
        }
    }
}
