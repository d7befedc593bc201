package io.jenkins.plugins.mlops.archunit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import hudson.FilePath;
import hudson.model.Item;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.POST;

import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plugin rules of DESIGN.md §2 and §6: Jenkins is reached through one facade, the plugin only translates (no
 * YAML, HTTP client or sketches of its own), web methods answer POST only and form endpoints check a permission,
 * work sent to agents captures no enclosing instance, and the packages do not depend on each other in a cycle.
 */
class PluginArchitectureTest {
    private static final String PLUGIN = "io.jenkins.plugins.mlops..";
    private static final Pattern JENKINS_INSTANCE = Pattern.compile("get|getInstance|getInstanceOrNull|getActiveInstance");

    static final ArchRule ONLY_THE_FACADE_REACHES_JENKINS = noClasses()
            .that().doNotHaveFullyQualifiedName(JenkinsFacade.class.getName())
            .should().callMethodWhere(DescribedPredicate.describe("Jenkins.get() or Jenkins.getInstance*()",
                    (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(Jenkins.class)
                            && JENKINS_INSTANCE.matcher(call.getName()).matches()))
            .because("only JenkinsFacade may reach the singleton, so that everything else can be tested with mocks");

    static final ArchRule THE_PLUGIN_ONLY_TRANSLATES = noClasses()
            .that().resideInAPackage(PLUGIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "org.snakeyaml..",
                    "com.fasterxml.jackson.dataformat.yaml..", "java.net.http..", "org.apache.datasketches..")
            .because("parsing schemas, talking to services and statistics belong to the engine");

    static final ArchRule WEB_METHODS_ANSWER_POST_ONLY = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(PLUGIN)
            .and().arePublic().and().haveNameMatching("do[A-Z].*")
            .should().beAnnotatedWith(POST.class).orShould().beAnnotatedWith(RequirePOST.class)
            .because("a GET must never change state or leak data (CSRF)");

    static final ArchRule FORM_ENDPOINTS_CHECK_A_PERMISSION = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(PLUGIN)
            .and().arePublic().and().haveNameMatching("do(Check|Fill)[A-Z].*")
            .should(checkAPermissionThroughTheFacade());

    static final ArchRule AGENT_WORK_CAPTURES_NO_ENCLOSING_INSTANCE = classes()
            .that().implement(FilePath.FileCallable.class)
            .should().notBeInnerClasses().andShould().notBeAnonymousClasses()
            .because("an inner class would drag its enclosing object through the agent channel");

    static final ArchRule STEP_PACKAGES_FORM_NO_CYCLES = SlicesRuleDefinition.slices()
            .matching("io.jenkins.plugins.mlops.(*)..").should().beFreeOfCycles()
            .because("each step's package builds on util (and the steps it reads), never the other way round");

    private static final JavaClasses PLUGIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.mlops");

    @Test
    void shouldReachJenkinsOnlyThroughTheFacade() {
        ONLY_THE_FACADE_REACHES_JENKINS.check(PLUGIN_CLASSES);
    }

    @Test
    void shouldOnlyTranslateBetweenJenkinsAndTheEngine() {
        THE_PLUGIN_ONLY_TRANSLATES.check(PLUGIN_CLASSES);
    }

    @Test
    void shouldAnswerPostOnlyAndCheckPermissions() {
        WEB_METHODS_ANSWER_POST_ONLY.check(PLUGIN_CLASSES);
        FORM_ENDPOINTS_CHECK_A_PERMISSION.check(PLUGIN_CLASSES);
    }

    @Test
    void shouldSendOnlyStaticClassesToAgents() {
        AGENT_WORK_CAPTURES_NO_ENCLOSING_INSTANCE.check(PLUGIN_CLASSES);
    }

    @Test
    void shouldKeepThePackagesFreeOfCycles() {
        STEP_PACKAGES_FORM_NO_CYCLES.check(PLUGIN_CLASSES);
    }

    @Test
    void shouldCatchViolations() {
        var violations = new ClassFileImporter().importClasses(Violations.class, Violations.Endpoint.class,
                Violations.InnerCallable.class);

        assertThatThrownBy(() -> ONLY_THE_FACADE_REACHES_JENKINS.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Violations.isAdministrator()");
        assertThatThrownBy(() -> WEB_METHODS_ANSWER_POST_ONLY.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("doDelete");
        assertThatThrownBy(() -> FORM_ENDPOINTS_CHECK_A_PERMISSION.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("doFillNameItems");
        assertThatThrownBy(() -> AGENT_WORK_CAPTURES_NO_ENCLOSING_INSTANCE.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("InnerCallable");
    }

    private static ArchCondition<JavaMethod> checkAPermissionThroughTheFacade() {
        return new ArchCondition<>("check a permission through JenkinsFacade.hasPermission") {
            @Override
            public void check(final JavaMethod method, final ConditionEvents events) {
                boolean checks = method.getMethodCallsFromSelf().stream().anyMatch(call ->
                        call.getTargetOwner().isEquivalentTo(JenkinsFacade.class)
                                && "hasPermission".equals(call.getName()));
                if (!checks) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " does not call JenkinsFacade.hasPermission"));
                }
            }
        };
    }

    /** Code that breaks each rule, to show that the rules bite. */
    @SuppressWarnings("unused")
    static class Violations {
        boolean isAdministrator() {
            return Jenkins.get().hasPermission(Item.READ);
        }

        /** A web endpoint without POST and without a permission check. */
        public static class Endpoint {
            public void doDelete() {
                // would delete something on GET
            }

            @POST
            public String doFillNameItems() {
                return "everything, to everyone";
            }
        }

        /** Captures its enclosing instance. */
        class InnerCallable implements jenkins.agents.ControllerToAgentFileCallable<String> {
            private static final long serialVersionUID = 1L;

            @Override
            public String invoke(final java.io.File f, final hudson.remoting.VirtualChannel channel) {
                return f.getName();
            }
        }
    }
}
