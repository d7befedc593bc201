package io.mlops.cli;

import io.mlops.evaluation.EvaluateModel;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.evaluation.EvaluationRequest;
import io.mlops.evaluation.PredictionColumns;
import io.mlops.evaluation.Task;
import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageFile;
import io.mlops.registry.BuildInfo;
import io.mlops.registry.ModelUri;
import io.mlops.registry.RegisterModel;
import io.mlops.registry.Registries;
import io.mlops.registry.RegistrationRequest;
import io.mlops.registry.RegistryBaseline;
import io.mlops.report.Status;
import io.mlops.validation.DataValidator;
import io.mlops.validation.SchemaFile;
import io.mlops.validation.SchemaInferrer;
import io.mlops.validation.ValidationReport;
import io.mlops.validation.ValidationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code mlops demo}: the whole pipeline on bundled example data with embedded defaults (no server, no
 * cluster). It grows with every step the project gains.
 */
@Command(name = DemoCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Run the pipeline on bundled example data (customers of a churn model): infer a schema, "
                + "validate a clean dataset, catch a drifted one, evaluate a new model against the registered "
                + "champion, and register it with its lineage in a local registry.",
                "Exits 0 when every step behaved as expected."})
final class DemoCommand implements Callable<Integer> {
    static final String NAME = "demo";

    private static final List<String> FILES = List.of("reference.csv", "current.csv", "drifted.csv",
            "predictions-candidate.csv", "predictions-production.csv", "gates.yaml");

    @Spec
    private CommandSpec spec;

    @Mixin
    private DebugOption debug;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "mlops-demo",
            description = "Where the demo writes its data, schema and reports (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        out.println("mlops demo: the gated pipeline on bundled example data, in " + dir.toAbsolutePath().normalize());
        var data = dir.resolve("data");
        copyExampleData(data);
        var schema = dir.resolve("schema.yaml");
        var reference = data.resolve("reference.csv");
        var reports = dir.resolve("reports");

        out.println();
        out.println("1. infer-schema: " + reference + " -> " + schema);
        SchemaFile.write(new SchemaInferrer().infer(reference, null), schema);
        out.println("   " + Files.readAllLines(schema).size() + " lines written; review it like code.");

        boolean expected = true;
        out.println();
        out.println("2. validate-data: new customers, same population (expected: PASSED)");
        var lineage = dir.resolve("lineage.json");
        Files.deleteIfExists(lineage);
        var current = step(out, data.resolve("current.csv"), schema, reference, reports.resolve("validate-current"));
        LineageFile.append(lineage, current.lineageEvent());
        expected &= current.status() == Status.PASSED;

        out.println();
        out.println("3. validate-data: customers after a marketing shift (expected: FAILED on drift)");
        // A build with this data would stop here; the demo goes on with the clean data's lineage.
        expected &= step(out, data.resolve("drifted.csv"), schema, reference, reports.resolve("validate-drifted"))
                .status() == Status.FAILED;

        out.println();
        out.println("4. register: the production model as churn@champion in the local registry (an earlier "
                + "build's work; the model files are a simulated stand-in until trainModel trains a real one)");
        var registry = Registries.open(Optional.empty(), dir.resolve("registry"));
        var production = evaluate(data, "predictions-production.csv", null, null, reports.resolve("evaluate-production"));
        var champion = RegisterModel.run(registration("churn", model(dir.resolve("models/production"), "production"),
                "champion", reports.resolve("evaluate-production/report.json"), "mlops-demo/production",
                reports.resolve("register-production"), Lineage.EMPTY), registry);
        RegisterCommand.print(champion, reports.resolve("register-production"), out);
        expected &= production.status() == Status.PASSED;

        out.println();
        out.println("5. evaluate: the new churn model against models:/churn@champion on the same customers, with "
                + "gates (expected: PASSED)");
        var evaluation = reports.resolve("evaluate-model");
        var baseline = RegistryBaseline.resolve(registry, ModelUri.parse("models:/churn@champion"),
                evaluation.resolve("baseline"));
        var report = evaluate(data, "predictions-candidate.csv", baseline, data.resolve("gates.yaml"), evaluation);
        EvaluateCommand.print(report, evaluation, out);
        LineageFile.append(lineage, report.lineageEvent());
        expected &= report.status() == Status.PASSED;

        out.println();
        out.println("6. register: the new model as the next version of churn, alias 'challenger' (champion stays "
                + "where it is until someone promotes)");
        var candidate = RegisterModel.run(registration("churn", model(dir.resolve("models/candidate"), "candidate"),
                "challenger", evaluation.resolve("report.json"), "mlops-demo/candidate",
                reports.resolve("register-model"), LineageFile.read(lineage)), registry);
        RegisterCommand.print(candidate, reports.resolve("register-model"), out);
        LineageConsole.print(LineageFile.append(lineage, candidate.lineage()), lineage, out);

        out.println();
        out.println(expected ? "Demo finished: the clean data passed, the drifted data was stopped, the new model "
                + "beat production with 95% confidence and was registered with its lineage."
                : "Demo finished, but a step did not behave as expected (see above).");
        out.println("Open the reports: " + reports.resolve("validate-drifted").resolve("report.html") + " and "
                + evaluation.resolve("report.html"));
        out.flush();
        return expected ? 0 : 1;
    }

    private static EvaluationReport evaluate(final Path data, final String predictions,
            final RegistryBaseline baseline, final Path gates, final Path reportDir)
            throws IOException, InterruptedException {
        var request = new EvaluationRequest(data.resolve(predictions), null, Task.BINARY,
                PredictionColumns.of("churned", "predicted", "probability", "customer_id"), null, gates, null, null,
                List.of("plan"), List.of("country"), EvaluationRequest.DEFAULT_MIN_SLICE_SIZE,
                EvaluationRequest.DEFAULT_RESAMPLES, EvaluationRequest.DEFAULT_SEED, reportDir);
        if (baseline != null) {
            request = request.withRegisteredBaseline(baseline.predictions().orElse(null), baseline.metricsFile(),
                    baseline.description());
        }
        return EvaluateModel.run(request);
    }

    private static RegistrationRequest registration(final String name, final Path model, final String alias,
            final Path evaluation, final String buildId, final Path reportDir, final Lineage lineage) {
        return RegistrationRequest.ofDirectory(name, model).withAlias(alias).withEvaluation(evaluation)
                .withBuild(new BuildInfo(buildId, null, "mlops demo", null, null, null)).withLineage(lineage)
                .withReportDir(reportDir);
    }

    /** A stand-in model directory, labelled as simulated, until the demo trains a real model. */
    private static Path model(final Path directory, final String which) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("model.json"), "{\n  \"model\": \"churn\",\n  \"variant\": \""
                + which + "\",\n  \"simulated\": true,\n  \"note\": \"a stand-in for the model files: this demo "
                + "model's predictions come from examples/generate_data.py\"\n}\n");
        return directory;
    }

    private static ValidationReport step(final PrintWriter out, final Path data, final Path schema,
            final Path reference, final Path reportDir) throws IOException {
        var request = ValidationRequest.of(data, schema).withReference(reference).withReportDir(reportDir);
        ValidationReport report = new DataValidator().validate(request, TerminalProgress.create());
        ValidationConsole.print(report, reportDir, out);
        return report;
    }

    private static void copyExampleData(final Path target) throws IOException {
        Files.createDirectories(target);
        for (String file : FILES) {
            try (var in = DemoCommand.class.getResourceAsStream("demo/" + file)) {
                if (in == null) {
                    throw new IOException("the example data " + file + " is missing from the mlops jar");
                }
                Files.copy(in, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
