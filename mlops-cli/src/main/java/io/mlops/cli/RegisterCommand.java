package io.mlops.cli;

import io.mlops.registry.RegisterModel;
import io.mlops.registry.RegistrationReport;
import io.mlops.registry.RegistrationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mlops register}: a model version in MLflow's registry (or the local one), with alias, tags and lineage. */
@Command(name = RegisterCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Register a model version: upload a model directory into a run (or take an existing "
                + "runs:/ or models:/ source), tag it with the commit, build, dataset digests and evaluation, "
                + "and optionally point an alias at it. Registering again from the same build (BUILD_URL or "
                + "MLOPS_BUILD_ID) returns the version it made.",
                "",
                "The registry is the MLflow tracking server of MLFLOW_TRACKING_URI (with MLFLOW_TRACKING_TOKEN, or "
                        + "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD), or, when it is not set, the "
                        + "local registry in --registry, $MLOPS_REGISTRY_DIR or ~/.mlops/registry."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlops register --name churn --model-path model/ --evaluation mlops-reports/evaluate-model/report.json",
                "  MLFLOW_TRACKING_URI=https://mlflow.example.com mlops register --name churn --model-path model/ "
                        + "--run-id 4f2c... --alias staging",
                "  mlops register --name churn --source models:/churn-candidates/7 --alias challenger",
                "",
                "Exit codes: 0 PASSED (registered), 2 ERROR (bad input, registry unreachable or refusing)."})
final class RegisterCommand implements Callable<Integer> {
    static final String NAME = "register";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DebugOption debug;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The registered model's name.")
    private String name;

    @Option(names = "--model-path", paramLabel = "DIR",
            description = "A local model directory (or file) to upload into the run, under 'model/'.")
    private Path modelPath;

    @Option(names = "--source", paramLabel = "URI",
            description = "An existing model instead: runs:/RUN_ID/PATH, models:/NAME/VERSION, models:/NAME/latest or models:/NAME@ALIAS.")
    private String source;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "The run to upload the model into (e.g. the training run); default: a run of this build "
                    + "in --experiment.")
    private String runId;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "The experiment of a new run (default: the model's name).")
    private String experiment;

    @Option(names = "--alias", paramLabel = "ALIAS",
            description = "Point this alias at the new version (default: none; nothing is moved implicitly).")
    private String alias;

    @Option(names = "--description", paramLabel = "TEXT", description = "The version's description.")
    private String description;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag for the version, repeatable.")
    private Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--evaluation", paramLabel = "FILE",
            description = "The report.json of 'mlops evaluate' for this model: its status and metrics become tags, "
                    + "its predictions the baseline of later comparisons.")
    private Path evaluation;

    @Mixin
    private LineageOption lineage;

    @Mixin
    private RegistryOption registry;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "mlops-reports/register-model",
            description = "Where report.json, report.md, report.html and junit.xml are written "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path reportDir;

    @Override
    public Integer call() throws Exception {
        var env = System.getenv();
        var lineageFile = lineage.file(env);
        var git = GitCheckout.around(Path.of(""));
        var build = git.build(env);
        var request = new RegistrationRequest(name, modelPath, source, runId, experiment, alias, description, tags,
                evaluation, LineageOption.read(lineageFile), build, reportDir);
        var report = RegisterModel.run(request, registry.open(env));
        LineageOption.append(lineageFile, report.lineage());
        print(report, reportDir, spec.commandLine().getOut());
        return report.status().exitCode();
    }

    /** The summary and the links, for a terminal. */
    static void print(final RegistrationReport report, final Path reportDir, final PrintWriter out) {
        out.println(report.summary());
        var links = report.links();
        for (var link : List.of(new String[] {"experiment", links.experiment()}, new String[] {"run", links.run()},
                new String[] {"version", links.version()})) {
            if (link[1] != null) {
                out.printf("  %-10s %s%n", link[0], link[1]);
            }
        }
        out.println("Reports: " + reportDir.resolve("report.html") + " (also report.json, report.md, junit.xml)");
        out.flush();
    }
}
