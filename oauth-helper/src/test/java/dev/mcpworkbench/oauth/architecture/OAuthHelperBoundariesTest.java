package dev.mcpworkbench.oauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** oauth-helper stands alone: no UI toolkit, and no dependency on the inspector (it reports rule ids only). */
class OAuthHelperBoundariesTest {

    static JavaClasses oauth;

    @BeforeAll
    static void importClasses() {
        oauth = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mcpworkbench.oauth");
    }

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(oauth);
    }

    @Test
    void noInspector() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.mcpworkbench.inspector..")
                .because("the module graph is the architecture: app joins oauth-helper and inspector").check(oauth);
    }
}
