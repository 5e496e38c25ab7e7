package org.yizhan.locator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Package dependencies point one way (STYLE.md: package by feature). A cycle between feature
 * packages fails the build here, naming the classes on it.
 */
class PackageDependenciesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yizhan.locator");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.yizhan.locator.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void configurationDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.yizhan.locator.config..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.yizhan.locator..")
                        .and(not(resideInAPackage("org.yizhan.locator.config.."))))
                .check(MAIN);
    }

    @Test
    void searchKnowsNothingOfPlanning() {
        noClasses()
                .that()
                .resideInAPackage("org.yizhan.locator.search..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.yizhan.locator.planning..")
                .check(MAIN);
    }

    @Test
    void crossCuttingWebCodeKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.yizhan.locator.web..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.yizhan.locator..")
                        .and(not(resideInAPackage("org.yizhan.locator.web..")))
                        .and(not(resideInAPackage("org.yizhan.locator.config.."))))
                .check(MAIN);
    }
}
