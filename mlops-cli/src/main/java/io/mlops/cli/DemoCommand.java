package io.mlops.cli;

import io.mlops.evaluation.EvaluateModel;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.evaluation.EvaluationRequest;
import io.mlops.evaluation.PredictionColumns;
import io.mlops.evaluation.Task;
import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageFile;
import io.mlops.registry.BuildInfo;
import io.mlops.registry.ModelRegistry;
import io.mlops.registry.ModelUri;
import io.mlops.registry.RegisterModel;
import io.mlops.registry.Registries;
import io.mlops.registry.RegistrationRequest;
import io.mlops.registry.RegistryBaseline;
import io.mlops.report.Status;
import io.mlops.training.TrainModel;
import io.mlops.training.TrainingLoop;
import io.mlops.training.TrainingReport;
import io.mlops.training.TrainingRequest;
import io.mlops.training.TrainingSpec;
import io.mlops.training.local.LocalRunner;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code mlops demo}: the whole pipeline on bundled example data with embedded defaults (no server, no
 * cluster). It grows with every step the project gains.
 */
@Command(name = DemoCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Run the pipeline on bundled example data (customers of a churn model): infer a schema, "
                + "validate a clean dataset, catch a drifted one, train a new model (a local process), evaluate it "
                + "against the registered champion, and register it with its lineage in a local registry.",
                "Exits 0 when every step behaved as expected."})
final class DemoCommand implements Callable<Integer> {
    static final String NAME = "demo";

    private static final List<String> FILES = List.of("reference.csv", "current.csv", "drifted.csv", "gates.yaml");
    private static final String TRAINER = "Train.java";
    private static final String MODELS = "models";
    private static final String PREDICTIONS = "predictions.csv";
    private static final String INDENT = "   | ";

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
        out.println("4. The model in production today, from an earlier build: the same training code on tenure "
                + "alone, evaluated, registered as churn@champion in the local registry");
        var registry = Registries.open(Optional.empty(), dir.resolve("registry"));
        var trainer = copyTrainer(dir.resolve("train"));
        // The builds' ids name what they build from: a rerun finds its registrations, while a directory left by an
        // older demo (other data or training code) gets new versions instead of reusing the old ones.
        var builds = "mlops-demo/" + fingerprint(data, trainer);
        var quiet = new ArrayList<String>();
        var production = train(registry, trainer, "churn-production", List.of("--features", "tenure_months"),
                builds + "/production", reports.resolve("train-production"), quiet::add);
        if (production.status() != Status.PASSED) {
            quiet.forEach(line -> out.println(INDENT + line));
        }
        TrainCommand.print(production, reports.resolve("train-production"), out);
        var productionModel = dir.resolve(MODELS).resolve("churn-production");
        var productionEvaluation = evaluate(productionModel.resolve(PREDICTIONS), null, null,
                reports.resolve("evaluate-production"));
        var champion = RegisterModel.run(registration(productionModel, production, "champion",
                reports.resolve("evaluate-production/report.json"), builds + "/production",
                reports.resolve("register-production"), Lineage.EMPTY.with(production.lineage())), registry);
        RegisterCommand.print(champion, reports.resolve("register-production"), out);
        expected &= production.status() == Status.PASSED && productionEvaluation.status() == Status.PASSED;

        out.println();
        out.println("5. train: the new churn model, on every feature, as a local process logging into a run of "
                + "experiment 'churn' (on Jenkins: a Kubernetes GPU pod)");
        var training = train(registry, trainer, "churn", List.of(), builds + "/candidate",
                reports.resolve("train-model"), line -> out.println(INDENT + line));
        TrainCommand.print(training, reports.resolve("train-model"), out);
        LineageFile.append(lineage, training.lineage());
        expected &= training.status() == Status.PASSED;

        out.println();
        out.println("6. evaluate: the new model against models:/churn@champion on the same customers, with gates "
                + "(expected: PASSED)");
        var evaluation = reports.resolve("evaluate-model");
        var candidateModel = dir.resolve(MODELS).resolve("churn");
        var baseline = RegistryBaseline.resolve(registry, ModelUri.parse("models:/churn@champion"),
                evaluation.resolve("baseline"));
        var report = evaluate(candidateModel.resolve(PREDICTIONS), baseline, data.resolve("gates.yaml"), evaluation);
        EvaluateCommand.print(report, evaluation, out);
        LineageFile.append(lineage, report.lineageEvent());
        expected &= report.status() == Status.PASSED;

        out.println();
        out.println("7. register: the new model, from its training run, as the next version of churn with alias "
                + "'challenger' (champion stays where it is until someone promotes)");
        var candidate = RegisterModel.run(registration(candidateModel, training, "challenger",
                evaluation.resolve("report.json"), builds + "/candidate", reports.resolve("register-model"),
                LineageFile.read(lineage)), registry);
        RegisterCommand.print(candidate, reports.resolve("register-model"), out);
        LineageConsole.print(LineageFile.append(lineage, candidate.lineage()), lineage, out);

        out.println();
        out.println(expected ? "Demo finished: the clean data passed, the drifted data was stopped, the new model "
                + "was trained, beat production with 95% confidence and was registered with its lineage."
                : "Demo finished, but a step did not behave as expected (see above).");
        out.println("Open the reports: " + reports.resolve("validate-drifted").resolve("report.html") + ", "
                + reports.resolve("train-model").resolve("report.html") + " and " + evaluation.resolve("report.html"));
        out.flush();
        return expected ? 0 : 1;
    }

    /**
     * Trains with the bundled {@code Train.java} (logistic regression, standard library only) on the reference
     * customers, scoring the current ones, into {@code models/NAME}: a local process run by this JVM's own
     * {@code java}, so that no Python or ML library is needed.
     */
    private TrainingReport train(final ModelRegistry registry, final Path trainer, final String name,
            final List<String> options, final String buildId, final Path reportDir, final Consumer<String> log)
            throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, dir.relativize(trainer).toString(), "--train", "data/reference.csv",
                "--score", "data/current.csv", "--out", MODELS + "/" + name));
        command.addAll(options);
        var spec = TrainingSpec.of(name, command).withExperiment("churn");
        var request = new TrainingRequest(spec, null, build(buildId), reportDir.toAbsolutePath());
        return TrainModel.run(request, registry, new TrainingLoop(new LocalRunner(dir, System.getenv()), log));
    }

    private static EvaluationReport evaluate(final Path predictions, final RegistryBaseline baseline,
            final Path gates, final Path reportDir) throws IOException, InterruptedException {
        var request = new EvaluationRequest(predictions, null, Task.BINARY,
                PredictionColumns.of("churned", "predicted", "probability", "customer_id"), null, gates, null, null,
                List.of("plan"), List.of("country"), EvaluationRequest.DEFAULT_MIN_SLICE_SIZE,
                EvaluationRequest.DEFAULT_RESAMPLES, EvaluationRequest.DEFAULT_SEED, reportDir);
        if (baseline != null) {
            request = request.withRegisteredBaseline(baseline.predictions().orElse(null), baseline.metricsFile(),
                    baseline.description());
        }
        return EvaluateModel.run(request);
    }

    private static RegistrationRequest registration(final Path model, final TrainingReport training,
            final String alias, final Path evaluation, final String buildId, final Path reportDir,
            final Lineage lineage) {
        return RegistrationRequest.ofDirectory("churn", model).withRun(training.tracking().runId()).withAlias(alias)
                .withEvaluation(evaluation).withBuild(build(buildId)).withLineage(lineage).withReportDir(reportDir);
    }

    private static BuildInfo build(final String buildId) {
        return new BuildInfo(buildId, null, "mlops demo", null, null, null);
    }

    /** The training code, as a team's repository would hold it. */
    private static Path copyTrainer(final Path directory) throws IOException {
        Files.createDirectories(directory);
        return copyResource(TRAINER, directory.resolve(TRAINER));
    }

    private static ValidationReport step(final PrintWriter out, final Path data, final Path schema,
            final Path reference, final Path reportDir) throws IOException {
        var request = ValidationRequest.of(data, schema).withReference(reference).withReportDir(reportDir);
        ValidationReport report = new DataValidator().validate(request, TerminalProgress.create());
        ValidationConsole.print(report, reportDir, out);
        return report;
    }

    /** The first 12 hex digits of a SHA-256 over the example files and the training code. */
    private static String fingerprint(final Path data, final Path trainer) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (String file : FILES) {
            sha256.update(Files.readAllBytes(data.resolve(file)));
        }
        sha256.update(Files.readAllBytes(trainer));
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }

    private static void copyExampleData(final Path target) throws IOException {
        Files.createDirectories(target);
        for (String file : FILES) {
            copyResource(file, target.resolve(file));
        }
    }

    private static Path copyResource(final String name, final Path target) throws IOException {
        try (var in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IOException("the example file " + name + " is missing from the mlops jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
