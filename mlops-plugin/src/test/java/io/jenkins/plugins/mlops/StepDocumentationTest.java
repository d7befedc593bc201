package io.jenkins.plugins.mlops;

import io.jenkins.plugins.mlops.evaluation.EvaluateModelBuilder;
import io.jenkins.plugins.mlops.evaluation.EvaluateModelStep;
import io.jenkins.plugins.mlops.registry.MlflowServer;
import io.jenkins.plugins.mlops.registry.MlopsConfiguration;
import io.jenkins.plugins.mlops.registry.RegisterModelBuilder;
import io.jenkins.plugins.mlops.registry.RegisterModelStep;
import io.jenkins.plugins.mlops.registry.RegistryStep;
import io.jenkins.plugins.mlops.training.TrainModelBuilder;
import io.jenkins.plugins.mlops.training.TrainModelStep;
import io.jenkins.plugins.mlops.validation.ValidateDataBuilder;
import io.jenkins.plugins.mlops.validation.ValidateDataStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parameters of every step are declared once, and each has a form field and one help file (on the step, or on
 * the superclass that declares the parameters several steps share); so has every setting of the global
 * configuration.
 */
class StepDocumentationTest {
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of(ValidateDataStep.class, ValidateDataBuilder.class, List.of("data", "schema",
                        "reference", "format", "reportDir", "driftMethod", "driftThreshold", "unstableOnFailure")),
                Arguments.of(EvaluateModelStep.class, EvaluateModelBuilder.class, List.of("predictions", "task",
                        "gates", "baselinePredictions", "baselineMetrics", "baseline", "server", "localRegistry",
                        "format", "positiveLabel", "slices", "sensitive", "minSliceSize", "resamples", "seed",
                        "labelColumn", "predictionColumn", "scoreColumn", "idColumn", "reportDir",
                        "unstableOnFailure")),
                Arguments.of(RegisterModelStep.class, RegisterModelBuilder.class, List.of("name", "modelPath",
                        "source", "runId", "experiment", "alias", "description", "tags", "evaluation", "server",
                        "localRegistry", "reportDir")),
                Arguments.of(TrainModelStep.class, TrainModelBuilder.class, List.of("command", "image", "name",
                        "workingDir", "env", "secretEnv", "gpus", "gpuType", "cpu", "cpuLimit", "memory",
                        "memoryLimit", "nodeSelector", "tolerations", "serviceAccount", "namespace", "timeout",
                        "retries", "runner", "cloud", "experiment", "server", "localRegistry", "gitClone",
                        "gitCredentialsId", "volumeClaim", "reportDir")));
    }

    static Stream<Arguments> configurations() {
        return Stream.of(Arguments.of(MlopsConfiguration.class, List.of("servers")),
                Arguments.of(MlflowServer.class, List.of("name", "url", "credentialsId")));
    }

    @ParameterizedTest
    @MethodSource("steps")
    void shouldHaveAFormFieldAndAHelpFileForEveryParameter(final Class<?> step, final Class<?> builder,
            final List<String> expected) throws IOException {
        var form = resource(step, "config.jelly");

        assertThat(parameters(step)).containsExactlyInAnyOrderElementsOf(expected);
        for (String parameter : parameters(step)) {
            assertThat(form).as("config.jelly").contains("field=\"" + parameter + "\"");
            assertThat(helpFiles(step, parameter)).as("help-%s.html", parameter).hasSize(1);
        }
        assertThat(step.getResource(step.getSimpleName() + "/help.html")).isNotNull();
    }

    @Test
    void shouldDeclareTheRegistryParametersOnceForTheStepsThatShareThem() {
        for (Class<?> step : List.of(RegisterModelStep.class, EvaluateModelStep.class, TrainModelStep.class)) {
            assertThat(step.getSuperclass()).isEqualTo(RegistryStep.class);
            assertThat(Arrays.stream(step.getDeclaredMethods()).map(Method::getName))
                    .doesNotContain("setServer", "setLocalRegistry");
        }
        assertThat(helpFiles(EvaluateModelStep.class, "server")).containsExactly(RegistryStep.class);
        assertThat(helpFiles(RegisterModelStep.class, "localRegistry")).containsExactly(RegistryStep.class);
        assertThat(helpFiles(TrainModelStep.class, "server")).containsExactly(RegistryStep.class);
    }

    @ParameterizedTest
    @MethodSource("steps")
    void shouldLetTheBuilderReuseTheStepFormInsteadOfCopyingIt(final Class<?> step, final Class<?> builder,
            final List<String> expected) throws IOException {
        var form = resource(builder, "config.jelly");

        assertThat(form).contains("<f:property field=\"step\"/>").doesNotContain("<f:entry");
        for (String parameter : parameters(step)) {
            assertThat(builder.getResource(builder.getSimpleName() + "/help-" + parameter + ".html")).isNull();
        }
        assertThat(Arrays.stream(builder.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(DataBoundSetter.class))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void shouldHaveAFormFieldAndAHelpFileForEverySettingOfTheGlobalConfiguration(final Class<?> type,
            final List<String> expected) throws IOException {
        var form = resource(type, "config.jelly");

        assertThat(parameters(type)).containsExactlyInAnyOrderElementsOf(expected);
        for (String setting : expected) {
            assertThat(form).as("config.jelly").contains("field=\"" + setting + "\"");
            assertThat(type.getResource(type.getSimpleName() + "/help-" + setting + ".html"))
                    .as("help-%s.html", setting).isNotNull();
        }
    }

    /**
     * The classes that hold the help of a parameter, where Jenkins looks for it: the step and its superclasses
     * ({@code Descriptor.getHelpFile} and {@code doHelp}). More than one would be a duplicate.
     */
    private static List<Class<?>> helpFiles(final Class<?> step, final String parameter) {
        var holders = new ArrayList<Class<?>>();
        for (Class<?> type = step; type != null; type = type.getSuperclass()) {
            if (type.getResource(type.getSimpleName() + "/help-" + parameter + ".html") != null) {
                holders.add(type);
            }
        }
        return holders;
    }

    private static List<String> parameters(final Class<?> step) {
        var names = new ArrayList<String>();
        for (Constructor<?> constructor : step.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                Arrays.stream(constructor.getParameters()).map(Parameter::getName).forEach(names::add);
            }
        }
        for (Method method : step.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(method.getName().substring("set".length())));
            }
        }
        return names;
    }

    private static String resource(final Class<?> owner, final String file) throws IOException {
        try (InputStream in = owner.getResourceAsStream(owner.getSimpleName() + "/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
