package io.mlops.cli;

import io.mlops.evaluation.EvaluateModel;
import io.mlops.evaluation.EvaluationRequest;
import io.mlops.evaluation.PredictionColumns;
import io.mlops.evaluation.Task;
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
import java.util.concurrent.Callable;

/**
 * {@code mlops demo}: the whole pipeline on bundled example data with embedded defaults (no server, no
 * cluster). It grows with every step the project gains.
 */
@Command(name = DemoCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Run the pipeline on bundled example data (customers of a churn model): infer a schema, "
                + "validate a clean dataset, and catch a drifted one.",
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
        expected &= step(out, data.resolve("current.csv"), schema, reference, reports.resolve("validate-current"),
                Status.PASSED);

        out.println();
        out.println("3. validate-data: customers after a marketing shift (expected: FAILED on drift)");
        expected &= step(out, data.resolve("drifted.csv"), schema, reference, reports.resolve("validate-drifted"),
                Status.FAILED);

        out.println();
        out.println("4. evaluate: the new churn model against the production model on the same customers, with "
                + "gates (expected: PASSED)");
        var evaluation = reports.resolve("evaluate-model");
        var request = new EvaluationRequest(data.resolve("predictions-candidate.csv"), null, Task.BINARY,
                PredictionColumns.of("churned", "predicted", "probability", "customer_id"), null,
                data.resolve("gates.yaml"), data.resolve("predictions-production.csv"), null, List.of("plan"),
                List.of("country"), EvaluationRequest.DEFAULT_MIN_SLICE_SIZE, EvaluationRequest.DEFAULT_RESAMPLES,
                EvaluationRequest.DEFAULT_SEED, evaluation);
        var report = EvaluateModel.run(request);
        EvaluateCommand.print(report, evaluation, out);
        expected &= report.status() == Status.PASSED;

        out.println();
        out.println(expected ? "Demo finished: the clean data passed, the drifted data was stopped, and the new "
                + "model beat production with 95% confidence."
                : "Demo finished, but a step did not behave as expected (see above).");
        out.println("Open the reports: " + reports.resolve("validate-drifted").resolve("report.html") + " and "
                + evaluation.resolve("report.html"));
        out.flush();
        return expected ? 0 : 1;
    }

    private static boolean step(final PrintWriter out, final Path data, final Path schema, final Path reference,
            final Path reportDir, final Status expected) throws IOException {
        var request = ValidationRequest.of(data, schema).withReference(reference).withReportDir(reportDir);
        ValidationReport report = new DataValidator().validate(request, TerminalProgress.create());
        ValidationConsole.print(report, reportDir, out);
        return report.status() == expected;
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
