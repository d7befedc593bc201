package io.jenkins.plugins.mlops.training;

import hudson.model.FreeStyleProject;
import hudson.model.Result;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Train ML model" in a real freestyle job (needs the Jenkins repository: {@code -Pjenkins}). */
@WithJenkins
class TrainModelFreestyleTest {
    @Test
    void shouldTrainAndFailTheBuildWhenTheCommandFails(final JenkinsRule j) throws Exception {
        var project = j.createFreeStyleProject();
        project.getBuildersList().add(new TrainModelBuilder(new TrainModelStep(List.of("sh", "-c", "echo ok"))));

        var run = j.buildAndAssertSuccess(project);

        j.assertLogContains("trainModel: PASSED", run);
        assertThat(run.getActions(TrainingAction.class)).hasSize(1);

        var failing = j.createFreeStyleProject();
        failing.getBuildersList().add(new TrainModelBuilder(new TrainModelStep("sh -c 'exit 3'")));
        var failed = j.buildAndAssertStatus(Result.FAILURE, failing);
        j.assertLogContains("trainModel: Training", failed);
        j.assertLogNotContains("\tat ", failed);
    }

    @Test
    void shouldKeepItsConfigurationThroughTheForm(final JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");
        step.setGpus(1);
        step.setSecretEnv("HF_TOKEN=huggingface-token");
        project.getBuildersList().add(new TrainModelBuilder(step));

        j.configRoundtrip(project);

        var kept = project.getBuildersList().get(TrainModelBuilder.class).getStep();
        assertThat(kept.getCommand()).isEqualTo("python train.py");
        assertThat(kept.getImage()).isEqualTo("trainer:1.4");
        assertThat(kept.getGpus()).isEqualTo(1);
        assertThat(kept.getSecretEnv()).isEqualTo("HF_TOKEN=huggingface-token");
    }
}
