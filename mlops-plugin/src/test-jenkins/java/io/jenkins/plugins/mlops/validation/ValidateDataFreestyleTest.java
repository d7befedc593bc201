package io.jenkins.plugins.mlops.validation;

import hudson.model.FreeStyleProject;
import hudson.model.Result;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Validate ML dataset" build step in real freestyle jobs (needs the Jenkins repository: {@code -Pjenkins}). */
@WithJenkins
class ValidateDataFreestyleTest {
    @Test
    void shouldValidateAFileNamedWithBuildVariables(final JenkinsRule j) throws Exception {
        var project = j.createFreeStyleProject("nightly");
        writeToWorkspace(project, "nightly.csv", "id,age\n1,34\n2,51\n3,27\n");
        project.getBuildersList().add(new ValidateDataBuilder(new ValidateDataStep("${JOB_NAME}.csv")));

        var build = j.buildAndAssertSuccess(project);

        var action = build.getAction(ValidationAction.class);
        assertThat(action.getDataset()).isEqualTo("nightly.csv");
        assertThat(action.getRows()).isEqualTo(3);
    }

    @Test
    void shouldMarkTheBuildUnstableWhenAsked(final JenkinsRule j) throws Exception {
        var project = j.createFreeStyleProject();
        writeToWorkspace(project, "train.csv", "id,age\n1,34\n2,12\n3,27\n");
        writeToWorkspace(project, "schema.yaml", "columns:\n  id: {type: integer}\n  age: {type: integer, min: 18}\n");
        var step = new ValidateDataStep("train.csv");
        step.setSchema("schema.yaml");
        step.setUnstableOnFailure(true);
        project.getBuildersList().add(new ValidateDataBuilder(step));

        var build = j.buildAndAssertStatus(Result.UNSTABLE, project);

        j.assertLogContains("validateData: 1 check failed: min(age)", build);
    }

    @Test
    void shouldKeepEveryParameterThroughTheSharedForm(final JenkinsRule j) throws Exception {
        var before = new ValidateDataBuilder(Steps.everyParameterSet());

        var after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
    }

    private static void writeToWorkspace(final FreeStyleProject project, final String file, final String text) {
        project.getBuildersList().add(TestBuilder.of((build, launcher, listener) ->
                build.getWorkspace().child(file).write(text, "UTF-8")));
    }
}
