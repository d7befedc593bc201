package io.jenkins.plugins.mlops.evaluation;

import hudson.model.Label;
import hudson.model.Result;
import io.mlops.report.Status;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code evaluateModel} in real Pipelines on a real agent (needs the Jenkins repository: {@code -Pjenkins}). */
@WithJenkins
class EvaluateModelPipelineTest {
    /** Groovy string literals: a candidate that is right on 5 of 6 rows, a production model right on 4. */
    private static final String CANDIDATE =
            "'id,label,prediction,score\\n1,1,1,0.9\\n2,0,0,0.2\\n3,1,1,0.8\\n4,0,0,0.3\\n5,1,0,0.4\\n6,0,0,0.1\\n'";
    private static final String PRODUCTION =
            "'id,label,prediction,score\\n1,1,1,0.7\\n2,0,1,0.6\\n3,1,1,0.8\\n4,0,0,0.3\\n5,1,0,0.4\\n6,0,0,0.2\\n'";
    private static final String STRICT_GATES = "'accuracy_score: {threshold: 0.99, greater_is_better: true}\\n'";

    @Test
    void shouldEvaluateOnAnAgentAndReturnTheOutcome(final JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("ml"));
        var job = pipeline(j, """
                node('ml') {
                    writeFile file: 'eval/candidate.csv', text: %s
                    writeFile file: 'eval/production.csv', text: %s
                    def result = evaluateModel predictions: 'eval/candidate.csv', task: 'binary',
                            baselinePredictions: 'eval/production.csv', resamples: 100
                    echo "outcome ${result.status} ${result.metrics.accuracy_score} ${result.failedGates} ${result.reportDir}"
                    echo "compared ${result.comparisons.collect { it.metric }.contains('roc_auc')}"
                }
                """.formatted(CANDIDATE, PRODUCTION));

        var run = j.buildAndAssertSuccess(job);

        j.assertLogContains("outcome PASSED 0.8333333333333334 [] mlops-reports/evaluate-model", run);
        j.assertLogContains("compared true", run);
        var action = run.getAction(EvaluationAction.class);
        assertThat(action.getStatus()).isEqualTo(Status.PASSED);
        assertThat(new File(run.getRootDir(), "mlops/evaluation-1/report.json")).isFile();
        assertThat(action.getMetricRows()).extracting(MetricRow::metric).contains("roc_auc");
        var web = j.createWebClient();
        assertThat(web.getPage(run).getWebResponse().getContentAsString())
                .contains("Model metrics: eval/candidate.csv", "Production");
        assertThat(web.getPage(run, action.getUrlName()).getWebResponse().getContentAsString())
                .contains("ROC curve", "<svg");
        assertThat(web.getPage(job).getWebResponse().getContentAsString()).contains("Model metrics trend");
    }

    @Test
    void shouldFailNamingTheFailedGatesWithoutAStackTrace(final JenkinsRule j) throws Exception {
        var job = pipeline(j, """
                node {
                    writeFile file: 'preds.csv', text: %s
                    writeFile file: 'gates.yaml', text: %s
                    evaluateModel predictions: 'preds.csv', task: 'binary', gates: 'gates.yaml'
                }
                """.formatted(CANDIDATE, STRICT_GATES));

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("evaluateModel: 1 gate failed: accuracy_score", run);
        j.assertLogNotContains("\tat ", run);
        assertThat(run.getAction(EvaluationAction.class).getFailedGates()).containsExactly("accuracy_score");
    }

    @Test
    void shouldContinueAsUnstableWhenAsked(final JenkinsRule j) throws Exception {
        var job = pipeline(j, """
                node {
                    writeFile file: 'preds.csv', text: %s
                    writeFile file: 'gates.yaml', text: %s
                    def result = evaluateModel predictions: 'preds.csv', task: 'binary', gates: 'gates.yaml',
                            unstableOnFailure: true
                    echo "went on with ${result.status}: ${result.failedGates}"
                }
                """.formatted(CANDIDATE, STRICT_GATES));

        var run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("went on with FAILED: [accuracy_score]", run);
    }

    @Test
    void shouldMakeTheBuildUnstableWhenAGateIsInconclusive(final JenkinsRule j) throws Exception {
        var job = pipeline(j, """
                node {
                    writeFile file: 'preds.csv', text: %s
                    writeFile file: 'metrics.json', text: '{"accuracy_score": 0.5}'
                    writeFile file: 'gates.yaml', text: 'accuracy_score: {min_absolute_change: 0.01, greater_is_better: true, confidence: 0.95}\\n'
                    def result = evaluateModel predictions: 'preds.csv', task: 'binary', gates: 'gates.yaml',
                            baselineMetrics: 'metrics.json'
                    echo "status ${result.status}"
                }
                """.formatted(CANDIDATE));

        var run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("status INCONCLUSIVE", run);
    }

    @Test
    void shouldReportBadInputInOneLine(final JenkinsRule j) throws Exception {
        var job = pipeline(j, "node { evaluateModel predictions: '../outside.csv', task: 'binary' }");

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("evaluateModel: predictions: '../outside.csv' is outside the workspace", run);
        j.assertLogNotContains("\tat ", run);
        assertThat(run.getActions(EvaluationAction.class)).isEmpty();
    }

    @Test
    void shouldCompareWithTheRegisteredChampion(final JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("ml"));
        var job = pipeline(j, """
                node('ml') {
                    writeFile file: 'eval/production.csv', text: %s
                    writeFile file: 'eval/candidate.csv', text: %s
                    writeFile file: 'model/model.json', text: '{"weights": "production"}'
                    evaluateModel predictions: 'eval/production.csv', task: 'binary', reportDir: 'reports/production'
                    registerModel name: 'churn', modelPath: 'model', alias: 'champion',
                            evaluation: 'reports/production/report.json', localRegistry: 'registry'
                    def result = evaluateModel predictions: 'eval/candidate.csv', task: 'binary', resamples: 100,
                            baseline: 'models:/churn@champion', localRegistry: 'registry'
                    echo "compared ${result.comparisons.find { it.metric == 'roc_auc' }.test}"
                }
                """.formatted(PRODUCTION, CANDIDATE));

        var run = j.buildAndAssertSuccess(job);

        j.assertLogContains("evaluating eval/candidate.csv (binary) against models:/churn@champion in the embedded "
                + "local registry", run);
        j.assertLogContains("compared delong", run);
        var evaluations = run.getActions(EvaluationAction.class);
        assertThat(evaluations.get(1).getReport().baseline().source()).isEqualTo("models:/churn/1 (@champion)");
    }

    @Test
    void shouldRefuseTwoBaselinesInOneLine(final JenkinsRule j) throws Exception {
        var job = pipeline(j, "node { evaluateModel predictions: 'preds.csv', task: 'binary', "
                + "baselinePredictions: 'prod.csv', baseline: 'models:/churn@champion' }");

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("evaluateModel: give one baseline: baselinePredictions, baselineMetrics or baseline, "
                + "not baselinePredictions and baseline", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void shouldRoundTripThroughTheSnippetGenerator(final JenkinsRule j) throws Exception {
        var snippetizer = new SnippetizerTester(j);

        snippetizer.assertRoundTrip(new EvaluateModelStep("preds.csv", "binary"),
                "evaluateModel predictions: 'preds.csv', task: 'binary'");
        snippetizer.assertRoundTrip(Steps.everyParameterSet(), "evaluateModel baselinePredictions: "
                + "'eval/production.csv', format: 'csv', gates: 'eval/gates.yaml', idColumn: 'row_id', "
                + "labelColumn: 'truth', minSliceSize: 50, positiveLabel: 'yes', predictionColumn: 'predicted', "
                + "predictions: 'eval/candidate.csv', reportDir: 'reports/model', resamples: 200, "
                + "scoreColumn: 'probability', seed: 7, sensitive: 'gender', slices: 'region, device', "
                + "task: 'binary', unstableOnFailure: true");
        snippetizer.assertRoundTrip(Steps.registeredBaseline(), "evaluateModel baseline: 'models:/churn@champion', "
                + "localRegistry: 'registry', predictions: 'eval/candidate.csv', server: 'production', "
                + "task: 'binary'");
    }

    private static WorkflowJob pipeline(final JenkinsRule j, final String script) throws Exception {
        var job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
