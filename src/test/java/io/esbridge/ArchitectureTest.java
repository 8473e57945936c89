package io.esbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/architecture.md, section 2, checked on the compiled production classes: two packages that
 * import each other can no longer be understood, tested or moved apart one at a time, and a cycle only ever grows.
 */
@AnalyzeClasses(packages = "io.esbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Each top-level package below io.esbridge (sub-packages such as feed.push count as their parent) is a slice. */
    @ArchTest
    static final ArchRule noPackageCycle =
            slices().matching("io.esbridge.(*)..").should().beFreeOfCycles();

    /**
     * The root package (the application class) is not a slice of the rule above; its edge to {@code cli} must stay
     * one way: {@code cli} boots what {@code main} hands it.
     */
    @ArchTest
    static final ArchRule cliDoesNotReachBackToTheRoot = noClasses()
            .that()
            .resideInAPackage("io.esbridge.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.esbridge");

    /** The in-process sandbox is a stand-in for the real server: production code reaches it over HTTP only. */
    @ArchTest
    static final ArchRule nothingButTheSandboxImportsTheSandbox = noClasses()
            .that()
            .resideOutsideOfPackage("io.esbridge.sandbox..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.esbridge.sandbox..");
}
