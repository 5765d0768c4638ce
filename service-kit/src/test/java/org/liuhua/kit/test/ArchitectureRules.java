package org.liuhua.kit.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one architecture of every Liuhua service, as rules each service's {@code ArchitectureTest} checks over its own
 * main classes ({@code ArchitectureRules.verify("org.liuhua.hazard")}):
 *
 * <ul>
 *   <li><b>package by feature</b>: {@code org.liuhua.<service>.<feature>}, and the features depend on each other
 *       without cycles;</li>
 *   <li><b>three layers in a feature</b>: {@code <feature>.domain} (aggregates, value objects, commands, rules: plain
 *       Java, the kit's domain package and event-contracts only), {@code <feature>} itself (the application: use cases,
 *       stores and queries, scope), and the inbound adapters {@code <feature>.web} (HTTP) and
 *       {@code <feature>.messaging} (Kafka listeners). Adapters → application → domain, never back;</li>
 *   <li><b>the domain imports no web, Spring, MongoDB or Kafka type</b>.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The service's main classes (tests excluded). */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Features ({@code <base>.<feature>..}) form no cycle. */
    public static ArchRule noCyclesBetweenFeatures(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** Domain classes use no framework or infrastructure type. */
    public static ArchRule domainIsPlainJava(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "io.cloudevents..", "jakarta.servlet..", "jakarta.persistence..", "tools.jackson..",
                        "com.fasterxml.jackson..", "org.liuhua.kit.web..", "org.liuhua.kit.store..",
                        "org.liuhua.kit.outbox..", "org.liuhua.kit.messaging..", "org.liuhua.kit.security..",
                        "org.liuhua.kit.audit..")
                .allowEmptyShould(true)
                .as("domain classes of " + basePackage + " use no web, Spring, MongoDB or Kafka type");
    }

    /** The domain depends on no application or adapter class of its service. */
    public static ArchRule domainDependsOnNothingAbove(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..domain..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "application or adapter classes of " + basePackage,
                        c -> c.getPackageName().startsWith(basePackage + ".")
                                && !c.getPackageName().contains(".domain")))
                .allowEmptyShould(true)
                .as("domain → nothing above it");
    }

    /** No application class depends on an inbound adapter (web or messaging). */
    public static ArchRule applicationDoesNotUseAdapters(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackages(basePackage + "..web..", basePackage + "..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + "..web..",
                        basePackage + "..messaging..")
                .allowEmptyShould(true)
                .as("application → adapters is not allowed (web and messaging call the application, not back)");
    }

    /** Checks every rule; throws an AssertionError listing the violations. */
    public static void verify(String basePackage) {
        JavaClasses classes = mainClasses(basePackage);
        // a service without features yet passes the rules; a misspelt package must not
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes in " + basePackage + ": is the package name right?");
        }
        noCyclesBetweenFeatures(basePackage).check(classes);
        domainIsPlainJava(basePackage).check(classes);
        domainDependsOnNothingAbove(basePackage).check(classes);
        applicationDoesNotUseAdapters(basePackage).check(classes);
    }
}
