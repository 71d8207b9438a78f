package dev.veil.driver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.veil.driver.pipeline.Stage;

/** The driver's packages are layered as docs/ARCHITECTURE.md draws them. */
@AnalyzeClasses(packages = "dev.veil.driver", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("dev.veil.driver.(*)..").should().beFreeOfCycles();

    /** The driver, the data source and session opening sit on top: nothing below depends on them. */
    @ArchTest
    static final ArchRule entryPointsAreOnTop = noClasses().that().resideOutsideOfPackage("dev.veil.driver")
            .should().dependOnClassesThat().resideInAPackage("dev.veil.driver");

    /** The JDBC wrappers hold no policy: they hand statements to the pipeline and read what it planned. */
    @ArchTest
    static final ArchRule wrappersHoldNoPolicy = noClasses().that().resideInAPackage("dev.veil.driver.jdbc..")
            .should().dependOnClassesThat().resideInAPackage("dev.veil.policy..");

    /** Engine differences live in the engines' own packages: no one else names a particular engine. */
    @ArchTest
    static final ArchRule onlyTheRegistryKnowsParticularEngines = noClasses()
            .that().resideOutsideOfPackage("dev.veil.driver.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.veil.driver.engine.postgresql..",
                    "dev.veil.driver.engine.mariadb..", "dev.veil.driver.engine.h2..");

    /** Stages are the pipeline's steps and nothing else. */
    @ArchTest
    static final ArchRule stagesAreStages = classes()
            .that().resideInAPackage("dev.veil.driver.stages").and().areTopLevelClasses()
            .and().doNotHaveSimpleName("StandardPipeline")
            .should().implement(Stage.class);
}
