package io.jenkins.plugins.mlops.evaluation;

import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.mlops.registry.MlflowServer;
import io.jenkins.plugins.mlops.registry.MlopsConfiguration;
import jenkins.model.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Evaluate ML model" build step in real freestyle jobs (needs the Jenkins repository: {@code -Pjenkins}). */
@WithJenkins
class EvaluateModelFreestyleTest {
    private static final String PREDICTIONS = "label,prediction,score\n1,1,0.9\n0,0,0.2\n1,0,0.4\n0,0,0.1\n";

    @Test
    void shouldEvaluateAFileNamedWithBuildVariables(final JenkinsRule j) throws Exception {
        var project = j.createFreeStyleProject("nightly");
        writeToWorkspace(project, "nightly.csv", PREDICTIONS);
        project.getBuildersList().add(new EvaluateModelBuilder(new EvaluateModelStep("${JOB_NAME}.csv", "binary")));

        var build = j.buildAndAssertSuccess(project);

        var action = build.getAction(EvaluationAction.class);
        assertThat(action.getPredictions()).isEqualTo("nightly.csv");
        assertThat(action.getRows()).isEqualTo(4);
    }

    @Test
    void shouldMarkTheBuildUnstableWhenAsked(final JenkinsRule j) throws Exception {
        var project = j.createFreeStyleProject();
        writeToWorkspace(project, "preds.csv", PREDICTIONS);
        writeToWorkspace(project, "gates.yaml", "accuracy_score: {threshold: 0.9, greater_is_better: true}\n");
        var step = new EvaluateModelStep("preds.csv", "binary");
        step.setGates("gates.yaml");
        step.setUnstableOnFailure(true);
        project.getBuildersList().add(new EvaluateModelBuilder(step));

        var build = j.buildAndAssertStatus(Result.UNSTABLE, project);

        j.assertLogContains("evaluateModel: 1 gate failed: accuracy_score", build);
    }

    @Test
    void shouldKeepEveryParameterThroughTheSharedForm(final JenkinsRule j) throws Exception {
        // the server drop-down offers only configured servers
        GlobalConfiguration.all().get(MlopsConfiguration.class)
                .setServers(List.of(new MlflowServer("production", "https://mlflow.example.com")));
        for (EvaluateModelStep step : List.of(Steps.everyParameterSet(), Steps.registeredBaseline())) {
            var before = new EvaluateModelBuilder(step);

            var after = j.configRoundtrip(before);

            j.assertEqualDataBoundBeans(before, after);
        }
    }

    private static void writeToWorkspace(final FreeStyleProject project, final String file, final String text) {
        project.getBuildersList().add(TestBuilder.of((build, launcher, listener) ->
                build.getWorkspace().child(file).write(text, "UTF-8")));
    }
}
