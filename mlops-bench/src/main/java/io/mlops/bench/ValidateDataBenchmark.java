package io.mlops.bench;

import io.mlops.bench.ChildJvm.Measurement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Benchmarks {@code mlops validate-data} against FastCSV's bare tokenising of the same generated files
 * (DESIGN.md §5) and prints the figures next to the targets of reference/performance.md §8: throughput as a
 * ratio to tokenising, memory under {@code -Xmx64m}, start-up on 1,000 rows. Every run is a fresh JVM.
 */
@Command(name = "mlops-bench/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures mlops validate-data against FastCSV tokenise-only on generated CSV files.")
public final class ValidateDataBenchmark implements Callable<Integer> {
    private static final long CURRENT_SEED = 42;
    private static final long REFERENCE_SEED = 7;
    private static final String CLI_MAIN = "io.mlops.cli.Main";
    private static final List<String> HEAP_CAP = List.of("-Xmx64m");
    private static final String TOKENISE_MAIN = TokenizeOnly.class.getName();
    private static final long STARTUP_ROWS = 1_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", defaultValue = "2000000",
            description = "Rows of each generated file (default: ${DEFAULT-VALUE}).")
    private long rows;

    @Option(names = "--runs", defaultValue = "3",
            description = "Runs of each timed measurement; the table shows medians (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--startup-runs", defaultValue = "5",
            description = "Runs of the 1,000-row start-up measurement (default: ${DEFAULT-VALUE}).")
    private int startupRuns;

    @Option(names = "--memory", description = "Also run validate-data --reference at -Xmx64m on --memory-rows rows "
            + "and compare heap and RSS with --rows.")
    private boolean memory;

    @Option(names = "--memory-rows", defaultValue = "20000000",
            description = "Rows for --memory (default: ${DEFAULT-VALUE}).")
    private long memoryRows;

    @Option(names = "--data-dir", defaultValue = "bench-data",
            description = "Where generated files are kept and reused (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--launcher", defaultValue = "mlops", paramLabel = "SCRIPT",
            description = "The mlops launcher for the start-up row (default: ${DEFAULT-VALUE}, i.e. ./mlops).")
    private Path launcher;

    @Option(names = "--archive", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Give every child a class-data-sharing archive of the measured programs' classes, made by "
                    + "one untimed run on the 1,000-row files, as ./mlops uses one (default: ${DEFAULT-VALUE}).")
    private boolean archive;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "A JVM option for every child, repeatable, e.g. --jvm-option=-XX:+UseParallelGC.")
    private List<String> jvmOptions = new ArrayList<>();

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    public static void main(final String[] args) {
        System.exit(new CommandLine(new ValidateDataBenchmark()).execute(args));
    }

    /** The generated files of one size. */
    private record Dataset(long rows, Path current, Path reference, Path schema) {
        long bytes() throws IOException {
            return Files.size(current);
        }

        long bothBytes() throws IOException {
            return Files.size(current) + Files.size(reference);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (rows < STARTUP_ROWS || memoryRows < STARTUP_ROWS || runs < 1 || startupRuns < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--rows and --memory-rows must be at least 1000, --runs and --startup-runs at least 1");
        }
        if (!Files.isExecutable(launcher)) {
            throw new ParameterException(spec.commandLine(), "no launcher at " + launcher.toAbsolutePath()
                    + ": run from the repository root or give --launcher");
        }
        printHeader();
        var data = prepare(rows);
        var small = DatasetGenerator.ensure(dataDir.resolve("current-" + STARTUP_ROWS + ".csv"), STARTUP_ROWS,
                CURRENT_SEED);
        var smallReference = DatasetGenerator.ensure(dataDir.resolve("reference-" + STARTUP_ROWS + ".csv"),
                STARTUP_ROWS, REFERENCE_SEED);
        var work = Files.createTempDirectory("mlops-bench-");
        try {
            var jvm = new ChildJvm(jvmOptions, work);
            var reports = work.resolve("reports");
            if (archive) {
                var training = new ArrayList<>(List.of(small.toString()));
                training.addAll(validateArgs(small, data, false, reports));
                training.addAll(List.of("--reference", smallReference.toString()));
                out.println("Archive:   " + (jvm.makeArchive(ArchiveTraining.class.getName(), training) != null
                        ? "every child uses a class-data-sharing archive of both programs' classes, as ./mlops does "
                        + "(--no-archive: without)" : "the JVM made no class-data-sharing archive; children run "
                        + "without"));
            }
            var results = new ResultTable.Results(
                    new Series("tokenise (FastCSV ofCsvRecord → String)", data.bytes()),
                    new Series("tokenise current + reference", data.bothBytes()),
                    new Series("validate-data", data.bytes()),
                    new Series("validate-data --reference", data.bothBytes()),
                    new Series("validate-data --reference, -Xmx64m", data.bothBytes()),
                    new Series("start-up: validate-data, 1,000 rows", Files.size(small)),
                    new Series("start-up: ./mlops validate-data, 1,000", Files.size(small)));
            for (int run = 1; run <= runs; run++) {
                measure(jvm, results.tokenise(), List.of(), TOKENISE_MAIN, List.of(data.current().toString()), run);
                measure(jvm, results.tokeniseBoth(), List.of(), TOKENISE_MAIN,
                        List.of(data.current().toString(), data.reference().toString()), run);
                measure(jvm, results.validate(), List.of(), CLI_MAIN,
                        validateArgs(data.current(), data, false, reports), run);
                measure(jvm, results.validateBoth(), List.of(), CLI_MAIN,
                        validateArgs(data.current(), data, true, reports), run);
                measure(jvm, results.capped(), HEAP_CAP, CLI_MAIN, validateArgs(data.current(), data, true, reports),
                        run);
            }
            for (int run = 1; run <= startupRuns; run++) {
                measure(jvm, results.startup(), List.of(), CLI_MAIN, validateArgs(small, data, false, reports), run);
            }
            var launcherCommand = new ArrayList<String>();
            launcherCommand.add(launcher.toAbsolutePath().toString());
            launcherCommand.addAll(validateArgs(small, data, false, reports));
            // Untimed: the launcher builds its jar and class-data archive when they are missing or stale.
            jvm.runCommand(List.of(launcher.toAbsolutePath().toString(), "--version"));
            for (int run = 1; run <= startupRuns; run++) {
                record(results.launcher(), jvm.runCommand(launcherCommand), run);
            }
            var table = new ResultTable(out);
            table.print(results);
            if (memory) {
                var large = prepare(memoryRows);
                var cappedLarge = new Series(results.capped().label(), large.bothBytes());
                measure(jvm, cappedLarge, HEAP_CAP, CLI_MAIN, validateArgs(large.current(), large, true, reports), 1);
                table.printMemory(results.capped(), rows, cappedLarge, memoryRows);
            }
            out.println("\nLoad at the end: " + loadAverage());
            return results.all().stream().allMatch(Series::completed) ? 0 : 1;
        }
        finally {
            deleteTree(work);
        }
    }

    private Dataset prepare(final long n) throws IOException {
        long start = System.nanoTime();
        var data = new Dataset(n,
                DatasetGenerator.ensure(dataDir.resolve("current-" + n + ".csv"), n, CURRENT_SEED),
                DatasetGenerator.ensure(dataDir.resolve("reference-" + n + ".csv"), n, REFERENCE_SEED),
                DatasetGenerator.ensureSchema(dataDir.resolve("schema.yaml")));
        out.printf(Locale.ROOT, "Data:      %s and %s, %,d rows × 20 columns, %,.1f MB each (seeds %d, %d), %s; "
                        + "ready in %.1f s%n", data.current(), data.reference().getFileName(), n, data.bytes() / 1e6,
                CURRENT_SEED, REFERENCE_SEED, data.schema().getFileName(), (System.nanoTime() - start) / 1e9);
        return data;
    }

    private static List<String> validateArgs(final Path file, final Dataset data, final boolean withReference,
            final Path reports) {
        var args = new ArrayList<>(List.of("validate-data", "--data", file.toString(),
                "--schema", data.schema().toString(), "--report-dir", reports.toString()));
        if (withReference) {
            args.addAll(List.of("--reference", data.reference().toString()));
        }
        return args;
    }

    private static void measure(final ChildJvm jvm, final Series series, final List<String> extraOptions,
            final String mainClass, final List<String> args, final int run) throws IOException, InterruptedException {
        record(series, jvm.run(extraOptions, mainClass, args), run);
    }

    private static void record(final Series series, final Measurement measurement, final int run) {
        series.runs().add(measurement);
        System.err.printf(Locale.ROOT, "  %-40s run %d: %6.2f s wall, %s in JVM, exit %d%n", series.label(), run,
                measurement.wallNanos() / 1e9, measurement.mainNanos() < 0 ? "   n/a"
                        : String.format(Locale.ROOT, "%6.2f s", measurement.mainNanos() / 1e9),
                measurement.exitCode());
    }

    private void printHeader() throws IOException {
        var runtime = Runtime.getRuntime();
        out.println("mlops validate-data benchmark (DESIGN.md §5; targets from reference/performance.md §8)");
        out.println("Command:   " + System.getProperty("mlops.bench.command",
                ProcessHandle.current().info().commandLine().orElse("?")).trim());
        out.printf(Locale.ROOT, "Settings:  --rows %d --runs %d --startup-runs %d%s --data-dir %s%n", rows, runs,
                startupRuns, memory ? " --memory --memory-rows " + memoryRows : "", dataDir);
        var ramKb = procLine("/proc/meminfo", "MemTotal").replace("kB", "").trim();
        out.printf(Locale.ROOT, "Machine:   %d cores (%s), %s GiB RAM, %s %s%n", runtime.availableProcessors(),
                procLine("/proc/cpuinfo", "model name"),
                ramKb.matches("\\d+") ? String.format(Locale.ROOT, "%.1f", Long.parseLong(ramKb) / 1048576.0) : "?",
                System.getProperty("os.name"), System.getProperty("os.version"));
        out.printf(Locale.ROOT, "Java:      %s %s (%s)%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.home"));
        out.println("Load:      " + loadAverage() + " (1, 5, 15 min) at start; other work on the machine skews "
                + "timings");
        out.println("Children:  a fresh JVM per run; options for all: "
                + (jvmOptions.isEmpty() ? "(none)" : String.join(" ", jvmOptions)) + " -Xlog:gc:file=<log>");
    }

    private static String loadAverage() throws IOException {
        var path = Path.of("/proc/loadavg");
        if (!Files.isReadable(path)) {
            return "?";
        }
        var fields = Files.readString(path).trim().split("\\s+");
        return String.join(" ", List.of(fields).subList(0, Math.min(3, fields.length)));
    }

    private static String procLine(final String file, final String key) throws IOException {
        var path = Path.of(file);
        if (!Files.isReadable(path)) {
            return "?";
        }
        try (var lines = Files.lines(path)) {
            return lines.filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        }
    }

    private static void deleteTree(final Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
