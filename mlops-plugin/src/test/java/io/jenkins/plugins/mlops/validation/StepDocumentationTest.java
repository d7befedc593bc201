package io.jenkins.plugins.mlops.validation;

import org.junit.jupiter.api.Test;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The parameters of validateData are declared once, and each has a form field and a help file. */
class StepDocumentationTest {
    @Test
    void shouldHaveAFormFieldAndAHelpFileForEveryParameter() throws IOException {
        var form = resource(ValidateDataStep.class, "config.jelly");

        assertThat(parameters()).containsExactlyInAnyOrder("data", "schema", "reference", "format", "reportDir",
                "driftMethod", "driftThreshold", "unstableOnFailure");
        for (String parameter : parameters()) {
            assertThat(form).as("config.jelly").contains("field=\"" + parameter + "\"");
            assertThat(ValidateDataStep.class.getResource("ValidateDataStep/help-" + parameter + ".html"))
                    .as("help-%s.html", parameter).isNotNull();
        }
        assertThat(ValidateDataStep.class.getResource("ValidateDataStep/help.html")).isNotNull();
    }

    @Test
    void shouldLetTheBuilderReuseTheStepFormInsteadOfCopyingIt() throws IOException {
        var form = resource(ValidateDataBuilder.class, "config.jelly");

        assertThat(form).contains("<f:property field=\"step\"/>").doesNotContain("<f:entry");
        for (String parameter : parameters()) {
            assertThat(ValidateDataBuilder.class.getResource("ValidateDataBuilder/help-" + parameter + ".html"))
                    .isNull();
        }
        assertThat(Arrays.stream(ValidateDataBuilder.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(DataBoundSetter.class))).isEmpty();
    }

    private static List<String> parameters() {
        var names = new ArrayList<String>();
        for (Constructor<?> constructor : ValidateDataStep.class.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                Arrays.stream(constructor.getParameters()).map(Parameter::getName).forEach(names::add);
            }
        }
        for (Method method : ValidateDataStep.class.getMethods()) {
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
