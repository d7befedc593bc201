package io.jenkins.plugins.mlops.registry;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.lineage.LineageRow;
import io.mlops.lineage.LineageEvent;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.File;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code registerModel} in real Pipelines (needs the Jenkins repository: {@code -Pjenkins}), with the embedded local
 * registry in the workspace; the MLflow server itself is exercised by mlops-core's integration tests.
 */
@WithJenkins
class RegisterModelPipelineTest {
    private static final String SECRET = "pipeline-s3cr3t";

    @Test
    void shouldRegisterWithTheLineageOfTheBuild(final JenkinsRule j) throws Exception {
        var job = pipeline(j, """
                node {
                    writeFile file: 'data/train.csv', text: 'id,age\\n1,34\\n2,51\\n'
                    validateData data: 'data/train.csv'
                    writeFile file: 'preds.csv',
                            text: 'label,prediction,score\\n1,1,0.9\\n0,0,0.2\\n1,0,0.4\\n0,0,0.1\\n'
                    evaluateModel predictions: 'preds.csv', task: 'binary'
                    writeFile file: 'model/model.pkl', text: 'weights'
                    def model = registerModel name: 'churn', modelPath: 'model', alias: 'champion',
                            localRegistry: 'registry', tags: 'team=fraud'
                    echo "registered ${model.uri} ${model.version} ${model.alias} ${model.created}"
                    def again = registerModel name: 'churn', modelPath: 'model', localRegistry: 'registry'
                    echo "again ${again.version} ${again.created}"
                }
                """);

        var run = j.buildAndAssertSuccess(job);

        j.assertLogContains("registered models:/churn/1 1 champion true", run);
        j.assertLogContains("again 1 false", run);
        var registration = run.getActions(RegistrationAction.class).get(0);
        assertThat(registration.getAlias()).isEqualTo("champion");
        assertThat(registration.getTags()).containsEntry("team", "fraud").containsKey("mlops.dataset.1");
        assertThat(new File(run.getRootDir(), "mlops/registration-1/report.json")).isFile();
        var lineage = run.getAction(LineageAction.class);
        assertThat(lineage.getRows()).extracting(LineageRow::step)
                .containsExactly("validateData", "evaluateModel", "registerModel", "registerModel");
        assertThat(lineage.getModelUri()).isEqualTo("models:/churn/1");
        assertThat(new File(run.getRootDir(), "mlops/lineage.json")).isFile();
        assertThat(Files.readString(new File(run.getRootDir(), "build.xml").toPath())).as("lineage.json holds it")
                .doesNotContain(LineageEvent.DATASET_SHA256);
        var web = j.createWebClient();
        assertThat(web.getPage(run).getWebResponse().getContentAsString())
                .contains("MLflow lineage", "Model registration: churn", "@champion");
        assertThat(web.getPage(run, lineage.getUrlName()).getWebResponse().getContentAsString())
                .contains("validateData", "evaluateModel", "models:/churn/1");
    }

    @Test
    void shouldFailInOneLineNamingTheConfiguredServers(final JenkinsRule j) throws Exception {
        GlobalConfiguration.all().get(MlopsConfiguration.class)
                .setServers(List.of(new MlflowServer("production", "https://mlflow.example.com")));
        var job = pipeline(j, """
                node {
                    writeFile file: 'model/model.pkl', text: 'weights'
                    registerModel name: 'churn', modelPath: 'model', server: 'prod'
                }
                """);

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("registerModel: server: no MLflow server is named 'prod': expected one of 'production'",
                run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void shouldFailInOneLineWhenTheCredentialsAreMissing(final JenkinsRule j) throws Exception {
        var server = new MlflowServer("production", "https://mlflow.example.com");
        server.setCredentialsId("absent");
        GlobalConfiguration.all().get(MlopsConfiguration.class).setServers(List.of(server));
        var job = pipeline(j, "node { registerModel name: 'churn', source: 'models:/churn/1', server: 'production' }");

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("registerModel: MLflow server 'production': no credentials 'absent'", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void shouldNeverWriteTheSecretIntoTheLogOrTheBuildRecord(final JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "mlflow-token", "MLflow", Secret.fromString(SECRET)));
        var server = new MlflowServer("unreachable", "http://127.0.0.1:9");
        server.setCredentialsId("mlflow-token");
        GlobalConfiguration.all().get(MlopsConfiguration.class).setServers(List.of(server));
        var job = pipeline(j, """
                node {
                    writeFile file: 'model/model.pkl', text: 'weights'
                    registerModel name: 'churn', modelPath: 'model', server: 'unreachable'
                }
                """);

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogNotContains(SECRET, run);
        assertThat(Files.readString(new File(run.getRootDir(), "build.xml").toPath())).doesNotContain(SECRET);
        assertThat(Files.readString(new File(j.jenkins.getRootDir(),
                MlopsConfiguration.class.getName() + ".xml").toPath())).doesNotContain(SECRET);
    }

    @Test
    void shouldRoundTripThroughTheSnippetGenerator(final JenkinsRule j) throws Exception {
        var step = new RegisterModelStep("churn");
        step.setModelPath("model");
        step.setAlias("champion");

        new SnippetizerTester(j).assertRoundTrip(step,
                "registerModel alias: 'champion', modelPath: 'model', name: 'churn'");
    }

    private static WorkflowJob pipeline(final JenkinsRule j, final String script) throws Exception {
        var job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
