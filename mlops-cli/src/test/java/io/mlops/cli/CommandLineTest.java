package io.mlops.cli;

import io.mlops.registry.BuildInfo;
import io.mlops.registry.LocalRegistry;
import io.mlops.registry.RegisterModel;
import io.mlops.registry.RegistrationRequest;
import io.mlops.report.ReportJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.mlops.cli.PredictionsFixture.predictions;
import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest extends CommandTestBase {
    private static final String SCHEMA = "columns:\n  id: {type: integer, unique: true}\n  score: {type: number, max: 1}\n";

    @Test
    void shouldExitWithZeroAndWriteTheFourReportsForValidData() throws IOException {
        var data = file("data.csv", "id,score\n1,0.5\n2,0.25\n");
        var reports = dir.resolve("reports");

        int code = run("validate-data", "--data", data.toString(), "--schema", schema().toString(),
                "--report-dir", reports.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("PASSED: " + data);
        assertThat(reports.resolve("report.json")).exists();
        assertThat(reports.resolve("report.md")).exists();
        assertThat(reports.resolve("report.html")).exists();
        assertThat(reports.resolve("junit.xml")).exists();
        assertThat(Files.readString(reports.resolve("report.json"))).contains("\"kind\": \"data-validation\"");
    }

    @Test
    void shouldExitWithOneWhenACheckFails() throws IOException {
        var data = file("data.csv", "id,score\n1,0.5\n2,3.5\n");

        int code = run("validate-data", "--data", data.toString(), "--schema", schema().toString(),
                "--report-dir", dir.resolve("r").toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED   max(score): 1 values are above the maximum 1, first at line 3: '3.5'");
    }

    @Test
    void shouldExitWithTwoNamingLineAndColumnOfARaggedRow() throws IOException {
        var data = file("data.csv", "id,score\n1,0.5\n2,0.5,extra\n");

        assertError(run("validate-data", "--data", data.toString()), data + ", line 3, column 3");
    }

    @Test
    void shouldExitWithTwoNamingTheLineOfAnUnclosedQuote() throws IOException {
        var data = file("data.csv", "id,score\n1,0.5\n2,\"0.5\n3,0.1\n");

        assertError(run("validate-data", "--data", data.toString()), data + ", line 3");
    }

    @Test
    void shouldExitWithTwoNamingLineAndColumnOfInvalidUtf8() throws IOException {
        var data = dir.resolve("data.csv");
        Files.write(data, new byte[] {'i', 'd', ',', 'n', '\n', '1', ',', 'a', '\n', '2', ',', 'b', (byte) 0xC3,
                (byte) 0x28, '\n'});

        assertError(run("validate-data", "--data", data.toString()), data + ", line 3, column 4");
    }

    @Test
    void shouldExitWithTwoNamingLineAndColumnOfAnUnparsableValue() throws IOException {
        var data = file("data.csv", "id,score\n1,0.5\n2,high\n");

        assertError(run("validate-data", "--data", data.toString(), "--schema", schema().toString()),
                data + ", line 3, column 2: column 'score': 'high' is not a number (schema type number)");
    }

    @Test
    void shouldReplaceOldReportsWithAnErrorReportWhenTheInputIsBad() throws IOException {
        var reports = dir.resolve("reports");
        var good = file("good.csv", "id,score\n1,0.5\n");
        run("validate-data", "--data", good.toString(), "--report-dir", reports.toString());
        var bad = file("bad.csv", "id,score\n1,0.5,9\n");

        int code = run("validate-data", "--data", bad.toString(), "--report-dir", reports.toString());

        assertThat(code).isEqualTo(2);
        assertThat(Files.readString(reports.resolve("report.json"))).contains("\"status\": \"ERROR\"")
                .contains("line 2, column 3");
        assertThat(Files.readString(reports.resolve("junit.xml"))).contains("<error");
    }

    @Test
    void shouldExitWithTwoForAMissingFile() {
        var missing = dir.resolve("nope.csv");

        assertError(run("validate-data", "--data", missing.toString()), missing + ": cannot read: no such file");
    }

    @Test
    void shouldExitWithTwoNamingTheLineOfInvalidSchemaYaml() throws IOException {
        var data = file("data.csv", "id,score\n1,0.5\n");
        var schema = file("schema.yaml", "columns:\n  id: {type: integer}}\n");

        assertError(run("validate-data", "--data", data.toString(), "--schema", schema.toString()),
                schema + ", line 2");
    }

    @Test
    void shouldExitWithTwoForAnUnknownOption() {
        assertThat(run("validate-data", "--data", "x.csv", "--dta", "y.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--dta'");
    }

    @Test
    void shouldPrintTheStackTraceOnlyWithDebug() throws IOException {
        var data = file("data.csv", "id,score\n1,0.5\n2,high\n");

        run("validate-data", "--data", data.toString(), "--schema", schema().toString(), "--debug");

        assertThat(err.toString()).contains("\tat io.mlops");
    }

    @Test
    void shouldInferASchemaThatTheDataPasses() throws IOException {
        var data = file("data.csv", "id,score,kind\n1,0.5,a\n2,0.25,b\n3,0.75,a\n4,0.5,b\n5,0.5,a\n6,0.5,a\n"
                + "7,0.5,a\n8,0.5,b\n9,0.5,a\n10,0.5,a\n11,0.5,b\n12,0.5,a\n13,0.5,a\n14,0.5,b\n15,0.5,a\n16,0.5,a\n"
                + "17,0.5,a\n18,0.5,b\n19,0.5,a\n20,0.5,a\n");
        var schema = dir.resolve("inferred.yaml");

        int code = run("infer-schema", "--data", data.toString(), "--out", schema.toString(),
                "--report-dir", dir.resolve("profile").toString());

        assertThat(code).isZero();
        assertThat(Files.readString(schema))
                .contains("id:", "{type: integer, nullable: false, unique: true, min: 0}")
                .contains("{type: number, nullable: false, min: 0}")
                .contains("{type: string, nullable: false, allowed: [a, b]}");
        assertThat(dir.resolve("profile/report.json")).exists();
    }

    @Test
    void shouldAppendTheValidatedDatasetToTheLineage() throws IOException {
        var data = file("data.csv", "id,score\n1,0.5\n2,0.25\n");
        var lineage = dir.resolve("lineage.json");

        int code = run("validate-data", "--data", data.toString(), "--schema", schema().toString(), "--lineage",
                lineage.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(lineage).content().contains("\"step\" : \"validateData\"").contains("\"dataset.sha256\"")
                .contains(data.toString().replace("\\", "\\\\"));
    }

    @Test
    void shouldRunTheDemoEndToEnd() throws IOException {
        var demo = dir.resolve("demo");

        int code = run("demo", "--dir", demo.toString());

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("PASSED").contains("FAILED").contains("Demo finished: the clean data passed");
        assertThat(demo.resolve("schema.yaml")).exists();
        assertThat(demo.resolve("reports/validate-drifted/report.html")).exists();
        assertThat(out.toString()).contains("registered models:/churn/1 (@champion)")
                .contains("registered models:/churn/2 (@challenger)")
                .contains("baseline models:/churn/1 (@champion)");
        assertThat(demo.resolve("lineage.json")).content().contains("\"step\" : \"validateData\"")
                .contains("\"step\" : \"trainModel\"").contains("\"step\" : \"evaluateModel\"")
                .contains("\"step\" : \"registerModel\"");
        // the model was really trained: the trainer's own output, and a model file with fitted coefficients
        assertThat(out.toString()).contains("training accuracy").contains("Training churn succeeded");
        assertThat(demo.resolve("models/churn/model.json")).content().contains("\"coefficients\"")
                .contains("\"plan=basic\"");
        assertThat(demo.resolve("models/churn-production/model.json")).content().contains("\"tenure_months\"")
                .doesNotContain("\"plan=basic\"");
        // and registered from its training run
        var trainingRun = ReportJson.readTree(demo.resolve("reports/train-model/report.json")).findValue("runId");
        var registered = ReportJson.readTree(demo.resolve("reports/register-model/report.json")).findValue("runId");
        assertThat(trainingRun).isNotNull();
        assertThat(registered).isEqualTo(trainingRun);
    }

    @Test
    void shouldRunTheDemoInTheDirectoryOfAnOlderDemo() throws IOException {
        // given: the registry of an older demo, whose champion was registered by a build of the same name
        var demo = dir.resolve("demo");
        var old = Files.writeString(Files.createDirectories(dir.resolve("old-model")).resolve("model.json"), "{}");
        RegisterModel.run(RegistrationRequest.ofDirectory("churn", old.getParent()).withAlias("champion")
                .withBuild(new BuildInfo("mlops-demo/production", null, null, null, null, null)),
                new LocalRegistry(demo.resolve("registry")));

        // when
        int code = run("demo", "--dir", demo.toString());

        // then: this demo's champion is a new version, and the new model is compared with it
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("registered models:/churn/2 (@champion)")
                .contains("baseline models:/churn/2 (@champion)").contains("registered models:/churn/3 (@challenger)");
    }

    @Test
    void shouldPrintItsVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("mlops ");
    }

    @Test
    void shouldEvaluateAgainstTheProductionModelAndExitByTheGates() throws IOException {
        // given: the candidate is better on ROC AUC; accuracy has no gate
        var candidate = file("candidate.csv", predictions(0.9, 0.8, 0.7, 0.3, 0.2, 0.6));
        var production = file("production.csv", predictions(0.6, 0.4, 0.7, 0.5, 0.2, 0.6));
        var passing = file("pass.yaml", "roc_auc: {min_absolute_change: 0.01, greater_is_better: true}\n");
        var failing = file("fail.yaml", "accuracy_score: {threshold: 0.9, greater_is_better: true}\n");
        var reports = dir.resolve("evaluation");

        // then
        assertThat(run("evaluate", "--predictions", candidate.toString(), "--task", "binary", "--gates",
                passing.toString(), "--baseline-predictions", production.toString(), "--report-dir",
                reports.toString())).isZero();
        assertThat(out.toString()).startsWith("PASSED: ").contains("roc_auc").contains("(delong)");
        assertThat(reports.resolve("report.html")).exists();
        assertThat(run("evaluate", "--predictions", candidate.toString(), "--task", "binary", "--gates",
                failing.toString(), "--report-dir", reports.toString())).isEqualTo(1);
    }

    @Test
    void shouldExitWithTwoForAGateOnAMetricThatDoesNotExist() throws IOException {
        // given
        var candidate = file("candidate.csv", predictions(0.9, 0.8, 0.7, 0.3, 0.2, 0.6));
        var gates = file("gates.yaml", "auc: {threshold: 0.5, greater_is_better: true}\n");

        // when
        int code = run("evaluate", "--predictions", candidate.toString(), "--task", "binary", "--gates",
                gates.toString(), "--report-dir", dir.resolve("evaluation").toString());

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("evaluate: error: the gates file names the metric 'auc'")
                .contains("available: accuracy_score").doesNotContain("\tat ");
    }

    private void assertError(final int code, final String expectedStart) {
        assertThat(code).isEqualTo(2);
        var lines = err.toString().lines().toList();
        assertThat(lines).as(err.toString()).hasSize(1);
        assertThat(lines.get(0)).startsWith("validate-data: error: " + expectedStart);
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    /** Runs the command line; validate-data writes its reports into the test's directory unless told otherwise. */
    /** Runs a command; validate-data without --report-dir writes into the scratch directory, not the project. */
    @Override
    protected int run(final String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of(args));
        if (all.get(0).equals("validate-data") && !all.contains("--report-dir")) {
            all.add("--report-dir");
            all.add(dir.resolve("default-reports").toString());
        }
        return super.run(all.toArray(String[]::new));
    }

    private Path schema() throws IOException {
        return file("schema.yaml", SCHEMA);
    }

}
