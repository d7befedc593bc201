package io.mlops.cli;

import io.mlops.data.DataFormat;
import io.mlops.validation.DataValidator;
import io.mlops.validation.ValidationRequest;
import io.mlops.validation.drift.DriftMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mlops validate-data}: schema, data-quality checks and drift against a reference dataset. */
@Command(name = ValidateDataCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Validate a dataset against a schema and, with a reference dataset, test it for drift.",
        footerHeading = "%nExamples:%n",
        footer = {"  mlops validate-data --data data/train.csv --schema schema.yaml",
                "  mlops validate-data --data data/current.csv --schema schema.yaml --reference data/train.csv",
                "  mlops validate-data --data events.jsonl --reference last-week.jsonl --drift-method psi",
                "",
                "Exit codes: 0 PASSED, 1 FAILED, 2 ERROR (bad input: file, line and column are named), 3 INCONCLUSIVE."})
final class ValidateDataCommand implements Callable<Integer> {
    static final String NAME = "validate-data";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DebugOption debug;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The dataset to validate (CSV, JSON Lines or Parquet).")
    private Path data;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "The schema (YAML or JSON). Without one, every column is profiled and typed by inference.")
    private Path schema;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "A reference dataset (e.g. the training data) to test drift against.")
    private Path reference;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, jsonl or parquet (default: by file extension).")
    private String format;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "mlops-reports/validate-data",
            description = "Where report.json, report.md, report.html and junit.xml are written (default: ${DEFAULT-VALUE}).")
    private Path reportDir;

    @Mixin
    private LineageOption lineage;

    @Option(names = "--drift-method", paramLabel = "METHOD",
            description = "Overrides the schema's drift method: auto, ks, chi2, z, wasserstein, jensen_shannon, psi.")
    private String driftMethod;

    @Option(names = "--drift-threshold", paramLabel = "X",
            description = "Overrides the drift threshold (p-value for ks/chi2/z, distance for the others).")
    private Double driftThreshold;

    @Override
    public Integer call() throws Exception {
        var request = new ValidationRequest(data, schema, reference,
                format == null ? null : DataFormat.of(data, format), reportDir,
                driftMethod == null ? null : DriftMethod.of(driftMethod), driftThreshold);
        var progress = TerminalProgress.create();
        var report = new DataValidator().validate(request, progress);
        var lineageFile = lineage.file(System.getenv());
        LineageOption.append(lineageFile, report.lineageEvent());
        ValidationConsole.print(report, reportDir, spec.commandLine().getOut());
        return report.status().exitCode();
    }
}
