package dev.mcpworkbench.inspector.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule engine is imported by rules, never the reverse (OWASP ZAP's shape: the scan API in core,
 * rules registered in one place). Engine = the {@code rules} package itself; helpers = {@code text},
 * {@code suppress} and the payload packages; everything else under {@code rules} is a rule family or
 * the catalog that registers them.
 */
class RulePackageDirectionTest {

    static final String RULES = "dev.mcpworkbench.inspector.rules";
    static final String[] RULE_PACKAGES = {RULES + ".surface..", RULES + ".schema..", RULES + ".docs..", RULES + ".poison..",
            RULES + ".output..", RULES + ".drift..", RULES + ".config..", RULES + ".transport..", RULES + ".dynamic..",
            RULES + ".oauth..", RULES + ".skills..", RULES + ".catalog.."};

    static JavaClasses inspector;

    @BeforeAll
    static void importClasses() {
        inspector = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mcpworkbench.inspector");
    }

    @Test
    void theEngineAndItsHelpersNeverImportARulePackage() {
        noClasses().that().resideInAnyPackage(RULES, RULES + ".text..", RULES + ".suppress..", "dev.mcpworkbench.inspector.payload..")
                .should().dependOnClassesThat().resideInAnyPackage(RULE_PACKAGES)
                .because("rules import the engine; an engine that imports a rule makes one package cycle of them all")
                .check(inspector);
    }

    /**
     * The engine counts as one slice beside the rule families, so a cycle through it is caught too.
     * Its helpers (text, suppress) belong to that slice: they and the engine's root types (Location,
     * Finding, ScanSubject) use each other, one layer below every rule.
     */
    @Test
    void noCycleBetweenTheEngineAndTheRulePackages() {
        slices().assignedFrom(new EngineAndRulePackages()).should().beFreeOfCycles().check(inspector);
    }

    @Test
    void noJavaFxInTheInspector() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the inspector runs headless in CI; only the app imports JavaFX").check(inspector);
    }

    private static final class EngineAndRulePackages implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(RULES) || pkg.startsWith(RULES + ".text") || pkg.startsWith(RULES + ".suppress")) {
                return SliceIdentifier.of("engine");
            }
            if (!pkg.startsWith(RULES + ".")) return SliceIdentifier.ignore();
            return SliceIdentifier.of(pkg.substring(RULES.length() + 1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "the rule engine and each package under it";
        }
    }
}
