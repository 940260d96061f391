package io.stellaops.airlock.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of design.md, stated so that a change breaking it fails the build: the library is
 * pure (no JavaFX, fabric8, Logback or app code); arrows point one way (app to library; ui and cli
 * to pki, cluster, checklist); nothing depends on ui or cli; the CLI never sees the UI.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.stellaops.airlock");
    }

    @Test
    void theLibraryIsPure() {
        noClasses().that().resideInAPackage("io.stellaops.airlock.bundle..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "io.fabric8..", "ch.qos.logback..", "picocli..",
                        "io.stellaops.airlock.app..")
                .because("bundle-format is a pure library: no UI, no Kubernetes, no logging backend, no app code")
                .check(classes);
    }

    @Test
    void theCliNeverSeesTheUi() {
        noClasses().that().resideInAPackage("io.stellaops.airlock.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.stellaops.airlock.app.ui..", "javafx..")
                .check(classes);
    }

    @Test
    void theUiNeverSeesTheCli() {
        noClasses().that().resideInAPackage("io.stellaops.airlock.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.stellaops.airlock.app.cli..", "picocli..")
                .check(classes);
    }

    @Test
    void servicesDependOnNeitherUiNorCli() {
        noClasses().that().resideInAnyPackage(
                        "io.stellaops.airlock.app.pki..", "io.stellaops.airlock.app.cluster..",
                        "io.stellaops.airlock.app.checklist..", "io.stellaops.airlock.app.sample..",
                        "io.stellaops.airlock.app.signing..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.stellaops.airlock.app.ui..", "io.stellaops.airlock.app.cli..", "javafx..", "picocli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyMainTiesTheEntryPointsTogether() {
        noClasses().that().resideOutsideOfPackages("io.stellaops.airlock.app")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.stellaops.airlock.app.Main")
                .check(classes);
    }
}
