package dev.mcpworkbench.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The desktop and the command line are two front ends of the same modules; what they share lives elsewhere (e.g. app/auth). */
class UiAndCliAreSeparateTest {

    static JavaClasses app;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mcpworkbench.app");
    }

    @Test
    void theUiNeverDependsOnTheCli() {
        noClasses().that().resideInAPackage("..app.ui..")
                .should().dependOnClassesThat().resideInAPackage("..app.cli..").check(app);
    }

    @Test
    void theCliNeverDependsOnTheUi() {
        noClasses().that().resideInAPackage("..app.cli..")
                .should().dependOnClassesThat().resideInAPackage("..app.ui..").check(app);
    }

    @Test
    void whatBothShareKnowsNeitherNorJavaFx() {
        noClasses().that().resideInAnyPackage("..app.scan..", "..app.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("..app.ui..", "..app.cli..", "javafx..").check(app);
    }
}
