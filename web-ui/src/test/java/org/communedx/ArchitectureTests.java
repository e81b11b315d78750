package org.communedx;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** Dependencies run web-ui -> tracker-service -> criteria-model, and pages reach data only through services. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The modules arrive as jars in a reactor build; their test-jars hold no production code.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.communedx");

    @Test
    void modulesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("org.communedx.web..")
                .layer("service").definedBy("org.communedx.service..")
                .layer("model").definedBy("org.communedx.model..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("web")
                .whereLayer("model").mayOnlyBeAccessedByLayers("service", "web")
                .check(CLASSES);
    }

    @Test
    void webNeverUsesRepositories() {
        noClasses().that().resideInAPackage("org.communedx.web..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(CLASSES);
    }

    @Test
    void servicesKnowNothingOfTheWeb() {
        noClasses().that().resideInAnyPackage("org.communedx.service..", "org.communedx.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.communedx.web..",
                        "org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }
}
