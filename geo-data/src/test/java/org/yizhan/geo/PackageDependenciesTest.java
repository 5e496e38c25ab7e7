package org.yizhan.geo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** geo-data's packages point one way, and it stays a library without a framework (STYLE.md). */
class PackageDependenciesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yizhan.geo");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.yizhan.geo.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noSpringNoJpaNoService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..", "org.yizhan.locator..")
                .check(MAIN);
    }
}
