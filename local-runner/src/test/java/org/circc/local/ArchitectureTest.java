package org.circc.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module boundaries as tests: a service depends only on {@code shared-contracts} and the platform plumbing, never
 * on another service or the gateway; the shared modules depend on no service; nothing in production code
 * depends on the embedded infrastructure but this runner.
 */
class ArchitectureTest {

    private static final List<String> APPLICATIONS = List.of("intake", "triage", "escalation", "notification", "timeline", "gateway");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.circc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "triage", "escalation", "notification", "timeline", "gateway"})
    void anApplicationDependsOnNoOtherApplication(String application) {
        String[] others = APPLICATIONS.stream().filter(other -> !other.equals(application))
                .map(other -> "org.circc." + other + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("org.circc." + application + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk only through integration events in shared-contracts")
                .check(classes);
    }

    @Test
    void sharedModulesDependOnNoApplication() {
        String[] applications = APPLICATIONS.stream().map(application -> "org.circc." + application + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAnyPackage("org.circc.contracts..", "org.circc.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(applications)
                .check(classes);
    }

    @Test
    void contractsArePlainJava() {
        noClasses().that().resideInAPackage("org.circc.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "org.circc.platform..")
                .because("every service, whatever its stack, must be able to read the contracts")
                .check(classes);
    }

    @Test
    void onlyTheRunnerUsesTheEmbeddedInfrastructure() {
        noClasses().that().resideOutsideOfPackages("org.circc.local..", "org.circc.embedded..")
                .should().dependOnClassesThat().resideInAPackage("org.circc.embedded..")
                .check(classes);
    }

    /** The timeline has no write side of its own: it only reads. */
    @ParameterizedTest
    @ValueSource(strings = {"intake", "triage", "escalation", "notification"})
    void theWriteSideDependsOnNoAdapter(String service) {
        noClasses().that().resideInAPackage("org.circc." + service + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.circc." + service + ".web..",
                        "org.circc." + service + ".messaging..")
                .because("the write side knows nothing of its adapters")
                .check(classes);
    }
}
