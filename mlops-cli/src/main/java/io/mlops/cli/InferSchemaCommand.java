package io.mlops.cli;

import io.mlops.data.DataFormat;
import io.mlops.validation.DataValidator;
import io.mlops.validation.SchemaFile;
import io.mlops.validation.SchemaInferrer;
import io.mlops.validation.ValidationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mlops infer-schema}: writes a starting schema from a dataset. */
@Command(name = InferSchemaCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Infer a schema from a dataset: column types, no-missing-value, non-negative, unique and "
                + "category constraints. Review it, then commit it next to your data."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlops infer-schema --data data/train.csv --out schema.yaml",
                "  mlops infer-schema --data events.jsonl --out schema.yaml --report-dir reports/profile"})
final class InferSchemaCommand implements Callable<Integer> {
    static final String NAME = "infer-schema";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DebugOption debug;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The dataset (CSV, JSON Lines or Parquet).")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The schema file to write (YAML).")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, jsonl or parquet (default: by file extension).")
    private String format;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Also validate the dataset against the new schema and write its profile report there.")
    private Path reportDir;

    @Override
    public Integer call() throws Exception {
        var dataFormat = DataFormat.of(data, format);
        var schema = new SchemaInferrer().infer(data, dataFormat);
        SchemaFile.write(schema, out);
        var console = spec.commandLine().getOut();
        console.println("Wrote " + out + ": " + schema.columns().size() + " columns inferred from " + data + ".");
        if (reportDir != null) {
            var request = ValidationRequest.of(data, out).withFormat(dataFormat).withReportDir(reportDir);
            var report = new DataValidator().validate(request, TerminalProgress.create());
            ValidationConsole.print(report, reportDir, console);
            return report.status().exitCode();
        }
        console.flush();
        return 0;
    }
}
