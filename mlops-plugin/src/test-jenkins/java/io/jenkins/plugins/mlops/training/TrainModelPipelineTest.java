package io.jenkins.plugins.mlops.training;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.lineage.LineageRow;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.File;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trainModel} in real Pipelines (needs the Jenkins repository: {@code -Pjenkins}) with the local runner; the
 * Kubernetes runner is exercised by mlops-core's mock-server tests and the resumable execution by
 * {@code TrainModelExecutionTest}.
 */
@WithJenkins
class TrainModelPipelineTest {
    private static final String SECRET = "hf_pipeline_s3cr3t";

    @Test
    void shouldTrainInTheWorkspaceAndReturnWhereItRan(final JenkinsRule j) throws Exception {
        var job = pipeline(j, """
                node {
                    def training = trainModel command: ['sh', '-c', 'echo epoch 1 loss 0.693'], name: 'churn'
                    echo "trained: ${training.status} exit ${training.exitCode} attempts ${training.attempts}"
                }
                """);

        var run = j.buildAndAssertSuccess(job);

        j.assertLogContains("epoch 1 loss 0.693", run);
        j.assertLogContains("trained: PASSED exit 0 attempts 1", run);
        var training = run.getActions(TrainingAction.class).get(0);
        assertThat(training.getRunner()).isEqualTo("local");
        assertThat(new File(run.getRootDir(), "mlops/training-1/report.json")).isFile();
        assertThat(run.getAction(LineageAction.class).getRows()).extracting(LineageRow::step)
                .containsExactly("trainModel");
        assertThat(j.createWebClient().getPage(run).getWebResponse().getContentAsString())
                .contains("Model training: churn-1");
    }

    @Test
    void shouldKeepSecretsOutOfTheLogAndTheBuildRecord(final JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "huggingface-token", "Hugging Face", Secret.fromString(SECRET)));
        var job = pipeline(j, """
                node {
                    trainModel command: ['sh', '-c', 'test -n "$HF_TOKEN" && echo token present'],
                            secretEnv: 'HF_TOKEN=huggingface-token'
                }
                """);

        var run = j.buildAndAssertSuccess(job);

        j.assertLogContains("token present", run);
        j.assertLogNotContains(SECRET, run);
        assertThat(Files.readString(new File(run.getRootDir(), "build.xml").toPath())).doesNotContain(SECRET);
        assertThat(Files.readString(new File(run.getRootDir(), "mlops/training-1/report.json").toPath()))
                .doesNotContain(SECRET);
    }

    @Test
    void shouldFailInOneLineWithoutAKubernetesCloud(final JenkinsRule j) throws Exception {
        var job = pipeline(j, "trainModel command: 'python train.py', image: 'trainer:1.4'");

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("trainModel: cloud: no Kubernetes cloud is configured (Manage Jenkins » Clouds)", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void shouldFailTheLocalRunnerOutsideANodeBlock(final JenkinsRule j) throws Exception {
        var job = pipeline(j, "trainModel command: 'python train.py'");

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("trainModel: the local runner trains in a workspace: call trainModel inside a node block",
                run);
    }

    @Test
    void shouldRoundTripThroughTheSnippetGenerator(final JenkinsRule j) throws Exception {
        var step = new TrainModelStep("python train.py --epochs 3");
        step.setImage("trainer:1.4");
        step.setGpus(2);

        new SnippetizerTester(j).assertRoundTrip(step,
                "trainModel command: 'python train.py --epochs 3', gpus: 2, image: 'trainer:1.4'");
    }

    private static WorkflowJob pipeline(final JenkinsRule j, final String script) throws Exception {
        var job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
