package org.advocacy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Keeps the module boundaries honest. Spring Modulith fails on a dependency cycle or on a
 * reach into another feature's internal packages; the ArchUnit rules keep the three web and
 * batch modules apart and keep the core independent of all of them.
 */
class ModularityTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.advocacy");

    @Test
    void featuresDoNotReachIntoEachOthersInternals() {
        ApplicationModules.of(AdvocacyApplication.class).verify();
    }

    @Test
    void thePublicSiteDependsOnNeitherTheConsoleNorTheJobs() {
        noClasses().that().resideInAPackage("org.advocacy.site..")
                .should().dependOnClassesThat().resideInAnyPackage("org.advocacy.admin..", "org.advocacy.batch..")
                .check(CLASSES);
    }

    @Test
    void theConsoleDependsOnNeitherThePublicSiteNorTheJobsInternals() {
        noClasses().that().resideInAPackage("org.advocacy.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("org.advocacy.site..", "org.advocacy.batch.*.internal..")
                .check(CLASSES);
    }

    @Test
    void theJobsDependOnNeitherWebModule() {
        noClasses().that().resideInAPackage("org.advocacy.batch..")
                .should().dependOnClassesThat().resideInAnyPackage("org.advocacy.site..", "org.advocacy.admin..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theCoreDependsOnNoOuterModule() {
        noClasses().that().resideInAnyPackage("org.advocacy.bills..", "org.advocacy.campaigns..",
                        "org.advocacy.stories..", "org.advocacy.legislators..", "org.advocacy.supporters..",
                        "org.advocacy.staff..", "org.advocacy.shared..", "org.advocacy.demo..", "org.advocacy.cwc..")
                .should().dependOnClassesThat().resideInAnyPackage("org.advocacy.site..", "org.advocacy.admin..",
                        "org.advocacy.batch..")
                .check(CLASSES);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternalPackage() {
        for (String feature : new String[] {"bills", "campaigns", "stories", "legislators", "supporters", "staff"}) {
            noClasses().that().resideOutsideOfPackage("org.advocacy." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.advocacy." + feature + ".internal..")
                    .check(CLASSES);
        }
    }
}
