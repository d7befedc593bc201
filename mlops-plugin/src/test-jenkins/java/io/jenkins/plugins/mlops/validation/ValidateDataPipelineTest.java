package io.jenkins.plugins.mlops.validation;

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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validateData} in real Pipelines on a real agent (needs the Jenkins repository: {@code -Pjenkins}). */
@WithJenkins
class ValidateDataPipelineTest {
    /** A Groovy string literal that writes a CSV with a header and the given rows. */
    private static final String GOOD_ROWS = "'id,age\\n1,34\\n2,51\\n3,27\\n'";
    private static final String BAD_ROWS = "'id,age\\n1,34\\n2,12\\n3,27\\n'";
    private static final String SCHEMA =
            "'{columns: {id: {type: integer, nullable: false, unique: true}, age: {type: integer, min: 18, max: 120}}}'";

    @Test
    void shouldValidateOnAnAgentAndReturnTheOutcome(final JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("data"));
        var job = pipeline(j, """
                node('data') {
                    writeFile file: 'data/train.csv', text: %s
                    writeFile file: 'data/schema.yaml', text: %s
                    def result = validateData data: 'data/train.csv', schema: 'data/schema.yaml'
                    echo "outcome ${result.status} ${result.rows} ${result.failedChecks} ${result.reportDir}"
                }
                """.formatted(GOOD_ROWS, SCHEMA));

        var run = j.buildAndAssertSuccess(job);

        j.assertLogContains("outcome PASSED 3 0 mlops-reports/validate-data", run);
        var action = run.getAction(ValidationAction.class);
        assertThat(action.getStatus()).isEqualTo(Status.PASSED);
        assertThat(new File(run.getRootDir(), "mlops/validation-1/report.json")).isFile();
        assertThat(action.getReport()).isNotNull();
        assertThat(action.getReport().dataset().rows()).isEqualTo(3);
        var web = j.createWebClient();
        assertThat(web.getPage(run).getWebResponse().getContentAsString()).contains("Data validation: data/train.csv");
        assertThat(web.getPage(run, action.getUrlName()).getWebResponse().getContentAsString()).contains("Checks");
    }

    @Test
    void shouldFailNamingTheFailedChecksWithoutAStackTrace(final JenkinsRule j) throws Exception {
        var job = pipeline(j, """
                node {
                    writeFile file: 'train.csv', text: %s
                    writeFile file: 'schema.yaml', text: %s
                    validateData data: 'train.csv', schema: 'schema.yaml'
                }
                """.formatted(BAD_ROWS, SCHEMA));

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("validateData: 1 check failed: min(age)", run);
        j.assertLogNotContains("\tat ", run);
        assertThat(run.getAction(ValidationAction.class).getFailedCheckNames()).containsExactly("min(age)");
    }

    @Test
    void shouldContinueAsUnstableWhenAsked(final JenkinsRule j) throws Exception {
        var job = pipeline(j, """
                node {
                    writeFile file: 'train.csv', text: %s
                    writeFile file: 'schema.yaml', text: %s
                    def result = validateData data: 'train.csv', schema: 'schema.yaml', unstableOnFailure: true
                    echo "went on with ${result.status}: ${result.failedCheckNames}"
                }
                """.formatted(BAD_ROWS, SCHEMA));

        var run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("went on with FAILED: [min(age)]", run);
    }

    @Test
    void shouldReportBadInputInOneLine(final JenkinsRule j) throws Exception {
        var job = pipeline(j, "node { validateData data: '../outside.csv' }");

        var run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("validateData: data: '../outside.csv' is outside the workspace", run);
        j.assertLogNotContains("\tat ", run);
        assertThat(run.getActions(ValidationAction.class)).isEmpty();
    }

    @Test
    void shouldGiveEveryCallItsOwnPageAndEscapeColumnNames(final JenkinsRule j) throws Exception {
        var rows = IntStream.rangeClosed(1, 200).mapToObj(i -> i + "," + i % 7).collect(Collectors.joining("\\n"));
        var job = pipeline(j, """
                node {
                    writeFile file: 'a.csv', text: 'id,<b>bold</b>\\n%s\\n'
                    validateData data: 'a.csv', reference: 'a.csv', reportDir: 'first'
                    validateData data: 'a.csv', reference: 'a.csv', reportDir: 'second'
                }
                """.formatted(rows));

        var run = j.waitForCompletion(job.scheduleBuild2(0).get());

        var actions = run.getActions(ValidationAction.class);
        assertThat(actions).extracting(ValidationAction::getUrlName)
                .containsExactlyInAnyOrder("mlops-validation-1", "mlops-validation-2");
        var page = j.createWebClient().getPage(run, actions.get(0).getUrlName()).getWebResponse().getContentAsString();
        assertThat(page).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
    }

    @Test
    void shouldRoundTripThroughTheSnippetGenerator(final JenkinsRule j) throws Exception {
        var snippetizer = new SnippetizerTester(j);

        snippetizer.assertRoundTrip(new ValidateDataStep("train.csv"), "validateData 'train.csv'");
        snippetizer.assertRoundTrip(Steps.everyParameterSet(), "validateData data: 'data/train.csv', "
                + "driftMethod: 'psi', driftThreshold: 0.2, format: 'csv', reference: 'data/reference.csv', "
                + "reportDir: 'reports/data', schema: 'data/schema.yaml', unstableOnFailure: true");
    }

    private static WorkflowJob pipeline(final JenkinsRule j, final String script) throws Exception {
        var job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
