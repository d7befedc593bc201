package io.mlops.cli;

import io.mlops.data.DataFormat;
import io.mlops.evaluation.EvaluateModel;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.evaluation.EvaluationRequest;
import io.mlops.evaluation.GateResult;
import io.mlops.evaluation.PredictionColumns;
import io.mlops.evaluation.Task;
import io.mlops.registry.ModelUri;
import io.mlops.registry.RegistryBaseline;
import io.mlops.report.Status;
import io.mlops.util.InputException;
import io.mlops.util.NumberText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mlops evaluate}: metrics, the paired comparison with the production model, and gates. */
@Command(name = EvaluateCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a model's predictions: MLflow's metrics, the difference to the production model "
                + "with paired bootstrap intervals (DeLong for ROC AUC, McNemar for accuracy), slices, fairness, "
                + "and gates with MLflow's MetricThreshold fields plus 'confidence'."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlops evaluate --predictions preds.csv --task binary",
                "  mlops evaluate --predictions preds.csv --task binary --gates gates.yaml "
                        + "--baseline-predictions prod-preds.csv",
                "  mlops evaluate --predictions preds.parquet --task binary --slice region --sensitive gender",
                "  mlops evaluate --predictions preds.csv --task regression --baseline-metrics prod/report.json",
                "  mlops evaluate --predictions preds.csv --task binary --gates gates.yaml --baseline models:/churn@champion",
                "",
                "Exit codes: 0 PASSED, 1 FAILED (a gate failed), 2 ERROR (bad input: file, line and column are "
                        + "named), 3 INCONCLUSIVE (a statistical gate could not decide)."})
final class EvaluateCommand implements Callable<Integer> {
    static final String NAME = "evaluate";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DebugOption debug;

    @Option(names = "--predictions", required = true, paramLabel = "FILE",
            description = "The candidate model's predictions (CSV, JSON Lines or Parquet).")
    private Path predictions;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "binary, multiclass or regression.")
    private String task;

    @Option(names = "--gates", paramLabel = "FILE", description = "The gates file (YAML or JSON).")
    private Path gates;

    @Option(names = "--baseline-predictions", paramLabel = "FILE",
            description = "The production model's predictions on the same rows, paired by id (or by row order "
                    + "when neither file has ids): intervals and p-values for every difference.")
    private Path baselinePredictions;

    @Option(names = "--baseline-metrics", paramLabel = "FILE",
            description = "The production model's metrics (a JSON object, a report.json, or an MLflow runs/get "
                    + "response): point comparison only.")
    private Path baselineMetrics;

    @Option(names = "--baseline", paramLabel = "URI",
            description = "The production model in the registry: models:/NAME@ALIAS, models:/NAME/VERSION or models:/NAME/latest. Its "
                    + "stored predictions are compared pairwise when they cover the same rows, else its metrics "
                    + "(registerModel's tags, then its run's metrics). The registry is MLFLOW_TRACKING_URI's server, "
                    + "or the local one (--registry).")
    private String baseline;

    @Mixin
    private RegistryOption registry;

    @Mixin
    private LineageOption lineage;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, jsonl or parquet (default: by extension).")
    private String format;

    @Option(names = "--positive-label", paramLabel = "LABEL",
            description = "binary: the positive class (default: the last label in sorted order, as MLflow).")
    private String positiveLabel;

    @Option(names = "--slice", paramLabel = "COLUMN", description = "A column to slice the metrics by, repeatable.")
    private List<String> slices = new ArrayList<>();

    @Option(names = "--sensitive", paramLabel = "COLUMN",
            description = "A sensitive attribute for fairness measures (binary), repeatable.")
    private List<String> sensitive = new ArrayList<>();

    @Option(names = "--min-slice-size", paramLabel = "N", defaultValue = "100",
            description = "Slices with fewer rows are reported but not gated (default: ${DEFAULT-VALUE}).")
    private int minSliceSize;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Bootstrap seed; results are the same for a seed on any number of cores "
                    + "(default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--label-column", paramLabel = "NAME", description = "Default: label.")
    private String labelColumn;

    @Option(names = "--prediction-column", paramLabel = "NAME", description = "Default: prediction.")
    private String predictionColumn;

    @Option(names = "--score-column", paramLabel = "NAME",
            description = "Default: score (multiclass: the prefix of score_<class> columns).")
    private String scoreColumn;

    @Option(names = "--id-column", paramLabel = "NAME", description = "Default: id.")
    private String idColumn;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "mlops-reports/evaluate-model",
            description = "Where report.json, report.md, report.html and junit.xml are written "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path reportDir;

    @Override
    public Integer call() throws Exception {
        var request = new EvaluationRequest(predictions, format == null ? null : DataFormat.of(predictions, format),
                Task.of(task), PredictionColumns.of(labelColumn, predictionColumn, scoreColumn, idColumn),
                positiveLabel, gates, baselinePredictions, baselineMetrics, slices, sensitive, minSliceSize,
                resamples, seed, reportDir);
        int baselines = (baselinePredictions != null ? 1 : 0) + (baselineMetrics != null ? 1 : 0)
                + (baseline != null ? 1 : 0);
        if (baselines > 1) {
            throw new InputException("give one baseline: --baseline-predictions, --baseline-metrics or --baseline");
        }
        var report = EvaluateModel.run(request, unresolved -> baseline == null ? unresolved
                : RegistryBaseline.fetchInto(unresolved, registry.open(System.getenv()),
                        ModelUri.parse(baseline)));
        var lineageFile = lineage.file(System.getenv());
        LineageOption.append(lineageFile, report.lineageEvent());
        print(report, reportDir, spec.commandLine().getOut());
        return report.status().exitCode();
    }

    /** The summary, the metric diff and the gates that did not pass, for a terminal. */
    static void print(final EvaluationReport report, final Path reportDir, final PrintWriter out) {
        out.println(report.summary());
        if (report.baseline() == null) {
            report.metrics().forEach((name, value) -> out.printf(NumberText.LOCALE, "  %-32s %s%n", name,
                    number(value.doubleValue())));
        }
        else {
            out.printf(NumberText.LOCALE, "  %-32s %12s %12s %12s  %s%n", "metric", "candidate", "production", "delta",
                    "95% interval / p");
            for (EvaluationReport.Comparison c : report.comparisons()) {
                out.printf(NumberText.LOCALE, "  %-32s %12s %12s %12s  %s%n", c.metric(), number(c.candidate()),
                        number(c.baseline()), (c.delta() > 0 ? "+" : "") + number(c.delta()), c.ci() == null ? c.test()
                                : String.format(NumberText.LOCALE, "[%+.4g, %+.4g] p = %.3g (%s)", c.ci()[0], c.ci()[1],
                                        c.pValue() == null ? Double.NaN : c.pValue(), c.test()));
            }
        }
        for (GateResult gate : report.gates()) {
            if (gate.status() != Status.PASSED) {
                out.println("  " + gate.status() + "  " + gate.metric() + (gate.scope() == null ? ""
                        : " [" + gate.scope() + "]") + ": " + gate.message());
            }
        }
        out.println("Reports: " + reportDir.resolve("report.html") + " (also report.json, report.md, junit.xml)");
        out.flush();
    }

    /** Counts as integers, other values to six significant digits. */
    private static String number(final double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(NumberText.LOCALE, "%.6g", value);
    }
}
