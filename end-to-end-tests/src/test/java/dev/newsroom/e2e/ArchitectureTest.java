package dev.newsroom.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The rules of STYLE.md that keep the services apart and their layers honest, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.newsroom");
    }

    @Test
    void resourcesGoThroughServicesNeverStraightToRepositories() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("..repository..")
                .check(classes);
    }

    @Test
    void servicesRefuseInTheDomainsTermsAndLeaveStatusesToTheMappers() {
        noClasses().that().resideInAnyPackage("dev.newsroom.article.service..", "dev.newsroom.media.service..",
                        "dev.newsroom.feed.service..")
                .should().dependOnClassesThat().areAssignableTo("dev.newsroom.problem.ProblemException")
                .because("a service throws a Refusal; ProblemMappers alone chooses the HTTP status")
                .check(classes);
    }

    @Test
    void theEventContractKnowsNothingOfPersistence() {
        noClasses().that().resideInAPackage("dev.newsroom.events..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void servicesShareContractsNotCode() {
        noClasses().that().resideInAPackage("dev.newsroom.article..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.newsroom.media..", "dev.newsroom.feed..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.newsroom.media..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.newsroom.article..", "dev.newsroom.feed..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.newsroom.feed..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.newsroom.article..", "dev.newsroom.media..")
                .check(classes);
    }

    @Test
    void servicesLogInsteadOfPrinting() {
        noClasses().that().resideInAnyPackage("dev.newsroom.article..", "dev.newsroom.media..",
                        "dev.newsroom.feed..", "dev.newsroom.outbox..", "dev.newsroom.problem..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }
}
