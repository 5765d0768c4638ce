package org.liuhua.grid;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain documents stay free of Spring except the mapping annotations of Spring Data, and never name a nested
 * field {@code id} (Spring Data would map it to {@code _id}).
 */
class ArchitectureTest {

    private static final Set<String> ALLOWED = Set.of("org.springframework.data.annotation",
            "org.springframework.data.mongodb.core.mapping");

    @Test
    void documentsUseOnlyTheSpringDataMappingAnnotationsAndNoSpringTypes() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
        List<String> violations = new ArrayList<>();
        int documents = 0;
        for (BeanDefinition definition : scanner.findCandidateComponents("org.liuhua.grid")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            documents++;
            check(type.getName(), type.getAnnotations(), violations);
            for (Field field : type.getDeclaredFields()) {
                check(type.getName() + "." + field.getName(), field.getAnnotations(), violations);
                if (field.getType().getName().startsWith("org.springframework")) {
                    violations.add(type.getName() + "." + field.getName() + " has a Spring type");
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                check(type.getName() + "." + method.getName() + "()", method.getAnnotations(), violations);
            }
        }
        assertThat(documents).isGreaterThanOrEqualTo(9);
        assertThat(violations).isEmpty();
    }

    @Test
    void embeddedRecordsDoNotNameAFieldId() {
        for (Class<?> embedded : List.of(org.liuhua.grid.establishment.OfficerBinding.class,
                org.liuhua.grid.inspector.UnitBinding.class, org.liuhua.grid.patrol.CheckIn.class,
                org.liuhua.grid.patrol.Finding.class, org.liuhua.grid.cluster.Assessment.class,
                org.liuhua.grid.patrol.TrackBatch.TrackPoint.class)) {
            for (var component : embedded.getRecordComponents()) {
                assertThat(component.getName()).as(embedded.getSimpleName()).isNotEqualTo("id");
            }
        }
    }

    private static void check(String where, Annotation[] annotations, List<String> violations) {
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("org.springframework")
                    && ALLOWED.stream().noneMatch(p -> name.startsWith(p + "."))) {
                violations.add(where + " uses " + name);
            }
        }
    }
}
