package io.mlops.archunit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Holds the engine's boundaries of DESIGN.md §2: no Jenkins type anywhere in mlops-core, one package per
 * capability, readers, reports and lineage independent of the steps that use them, runners behind the training API,
 * fabric8 only where a cluster is spoken to, and no package cycles.
 */
@AnalyzeClasses(packages = "io.mlops", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageArchitectureTest {
    @ArchTest
    static final ArchRule NO_JENKINS_TYPES = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "io.jenkins..")
            .because("mlops-core is pure Java: everything that can be tested without Jenkins lives here");

    @ArchTest
    static final ArchRule UTIL_IS_SHARED_NOT_DEPENDENT = noClasses().that().resideInAPackage("io.mlops.util..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.data..", "io.mlops.validation..",
                    "io.mlops.report..")
            .because("util holds only what capabilities share");

    @ArchTest
    static final ArchRule READERS_KNOW_NO_STEP = noClasses().that().resideInAPackage("io.mlops.data..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.validation..", "io.mlops.report..")
            .because("every step reads data through the same readers");

    @ArchTest
    static final ArchRule REPORTS_KNOW_NO_STEP = noClasses().that().resideInAPackage("io.mlops.report..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.validation..", "io.mlops.data..")
            .because("report building blocks are reused by every step; each step renders its own report");

    @ArchTest
    static final ArchRule DRIFT_TESTS_ARE_STATISTICS_ONLY = noClasses().that()
            .resideInAPackage("io.mlops.validation.drift..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.data..", "io.mlops.report..")
            .because("drift tests compare column samples, whatever file they came from");

    @ArchTest
    static final ArchRule STATISTICS_ARE_MATHEMATICS_ONLY = noClasses().that().resideInAPackage("io.mlops.stats..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.data..", "io.mlops.report..",
                    "io.mlops.validation..", "io.mlops.evaluation..")
            .because("distributions and tests serve every step and read no files");

    @ArchTest
    static final ArchRule MLFLOW_CLIENT_KNOWS_NO_STEP = noClasses().that().resideInAPackage("io.mlops.mlflow..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.data..", "io.mlops.validation..",
                    "io.mlops.evaluation..", "io.mlops.report..")
            .because("the MLflow client speaks MLflow's REST API; steps decide what to log and register");

    @ArchTest
    static final ArchRule LINEAGE_NEEDS_ONLY_UTIL = noClasses().that().resideInAPackage("io.mlops.lineage..")
            .should().dependOnClassesThat(resideInAPackage("io.mlops..")
                    .and(not(resideInAnyPackage("io.mlops.lineage..", "io.mlops.util.."))))
            .because("every step and the plugin record lineage: it holds their events, and needs none of their code");

    @ArchTest
    static final ArchRule REGISTRY_KNOWS_NO_DATA_STEP = noClasses().that().resideInAPackage("io.mlops.registry..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.validation..", "io.mlops.data..")
            .because("a registry stores models, versions and their files; it reads no datasets");

    @ArchTest
    static final ArchRule TRAINING_KNOWS_NO_DATA_STEP = noClasses().that().resideInAPackage("io.mlops.training..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.validation..", "io.mlops.evaluation..",
                    "io.mlops.data..")
            .because("training runs the team's code; it reads no dataset and judges no model");

    @ArchTest
    static final ArchRule TRAINING_API_KNOWS_NO_RUNNER = noClasses().that().resideInAPackage("io.mlops.training")
            .should().dependOnClassesThat().resideInAnyPackage("io.mlops.training.local..",
                    "io.mlops.training.kubernetes..", "io.fabric8..")
            .because("the spec, the state and the report are the same whatever runs the training; runners plug in");

    @ArchTest
    static final ArchRule FABRIC8_ONLY_IN_KUBERNETES_RUNNERS = noClasses().that()
            .resideOutsideOfPackages("io.mlops.training.kubernetes..", "io.mlops.deploy..")
            .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
            .because("in Jenkins, fabric8 comes from the kubernetes-client-api plugin: only the code that talks to "
                    + "a cluster may need it");

    @ArchTest
    static final ArchRule NOTHING_DEPENDS_ON_TRAINING = noClasses().that().resideOutsideOfPackage("io.mlops.training..")
            .should().dependOnClassesThat().resideInAPackage("io.mlops.training..")
            .because("training is a step of its own: other steps see its run id through lineage, not its classes");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.mlops.(**)").should().beFreeOfCycles();
}
