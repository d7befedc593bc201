package io.mlops.bench;

import io.mlops.bench.ChildJvm.Measurement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Benchmarks {@code mlops validate-data} against FastCSV's bare tokenising of the same generated files
 * (DESIGN.md §5) and prints the figures next to the targets of reference/performance.md §8: throughput as a
 * ratio to tokenising, memory under {@code -Xmx64m}, start-up on 1,000 rows. Every run is a fresh JVM.
 */
@Command(name = "mlops-bench/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures mlops validate-data against FastCSV tokenise-only on generated CSV files.")
public final class ValidateDataBenchmark implements Callable<Integer> {
    static final long CURRENT_SEED = 42;
    static final long REFERENCE_SEED = 7;
    private static final String CLI_MAIN = "io.mlops.cli.Main";
    private static final List<String> HEAP_CAP = List.of("-Xmx64m");
    private static final long STARTUP_ROWS = 1_000;
    private static final double RATIO_TARGET = 0.60;
    private static final double RATIO_FLOOR = 0.35;
    private static final double STARTUP_TARGET_S = 0.5;
    private static final double HEAP_TARGET_MIB = 64;
    private static final double RSS_TARGET_MIB = 150;
    private static final double FLAT = 0.10;
    private static final String ROW = "%-40s %8s %4s %7s %8s %7s %6s  %-21s %8s %8s %8s %4s%n";

    @Option(names = "--rows", defaultValue = "2000000", description = "Rows of each generated file (default: ${DEFAULT-VALUE}).")
    private long rows;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each timed measurement; the table shows medians (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--startup-runs", defaultValue = "5", description = "Runs of the 1,000-row start-up measurement (default: ${DEFAULT-VALUE}).")
    private int startupRuns;

    @Option(names = "--memory", description = "Also run validate-data --reference at -Xmx64m on --memory-rows rows and compare heap and RSS with --rows.")
    private boolean memory;

    @Option(names = "--memory-rows", defaultValue = "20000000", description = "Rows for --memory (default: ${DEFAULT-VALUE}).")
    private long memoryRows;

    @Option(names = "--data-dir", defaultValue = "bench-data", description = "Where generated files are kept and reused (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "A JVM option for every child, repeatable, e.g. --jvm-option=-XX:+UseParallelGC.")
    private List<String> jvmOptions = new ArrayList<>();

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

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

    /** The runs of one measurement over {@code bytes} of CSV. */
    private record Series(String label, long bytes, List<Measurement> runs) {
        Series(final String label, final long bytes) {
            this(label, bytes, new ArrayList<>());
        }

        double medianSeconds(final ToLongFunction<Measurement> nanos) {
            var sorted = runs.stream().mapToLong(nanos).sorted().toArray();
            int n = sorted.length;
            return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e9;
        }

        /** Seconds inside the child: the basis of throughput, as in reference/performance.md. */
        double workSeconds() {
            return medianSeconds(Measurement::mainNanos);
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / workSeconds();
        }

        double maxMib(final ToLongFunction<Measurement> value) {
            return runs.stream().mapToLong(value).max().orElse(-1) / (double) (1 << 20);
        }

        boolean completed() {
            return runs.stream().allMatch(Measurement::completed);
        }

        String exitCodes() {
            return String.join("/", runs.stream().map(m -> String.valueOf(m.exitCode())).distinct().toList());
        }
    }

    @Override
    public Integer call() throws Exception {
        printHeader();
        var data = prepare(rows);
        var small = DatasetGenerator.ensure(dataDir.resolve("current-" + STARTUP_ROWS + ".csv"), STARTUP_ROWS,
                CURRENT_SEED);
        var work = Files.createTempDirectory("mlops-bench-");
        try {
            var jvm = new ChildJvm(jvmOptions, work);
            var reports = work.resolve("reports");
            var tokenise = new Series("tokenise (FastCSV ofCsvRecord → String)", data.bytes());
            var tokeniseBoth = new Series("tokenise current + reference", data.bothBytes());
            var validate = new Series("validate-data", data.bytes());
            var validateBoth = new Series("validate-data --reference", data.bothBytes());
            for (int run = 1; run <= runs; run++) {
                measure(jvm, tokenise, List.of(), TokenizeOnly.class.getName(), tokeniseArgs(data, false), run);
                measure(jvm, tokeniseBoth, List.of(), TokenizeOnly.class.getName(), tokeniseArgs(data, true), run);
                measure(jvm, validate, List.of(), CLI_MAIN, validateArgs(data.current(), data, false, reports), run);
                measure(jvm, validateBoth, List.of(), CLI_MAIN, validateArgs(data.current(), data, true, reports), run);
            }
            var capped = new Series("validate-data --reference, -Xmx64m", data.bothBytes());
            measure(jvm, capped, HEAP_CAP, CLI_MAIN, validateArgs(data.current(), data, true, reports), 1);
            var startup = new Series("start-up: validate-data, 1,000 rows", Files.size(small));
            for (int run = 1; run <= startupRuns; run++) {
                measure(jvm, startup, List.of(), CLI_MAIN, validateArgs(small, data, false, reports), run);
            }
            printTable(tokenise, tokeniseBoth, validate, validateBoth, capped, startup);
            if (memory) {
                var large = prepare(memoryRows);
                var cappedLarge = new Series(capped.label(), large.bothBytes());
                measure(jvm, cappedLarge, HEAP_CAP, CLI_MAIN, validateArgs(large.current(), large, true, reports), 1);
                printMemory(capped, cappedLarge);
            }
            out.println("\nLoad at the end: " + loadAverage());
            return Stream.of(tokenise, tokeniseBoth, validate, validateBoth, capped, startup)
                    .allMatch(Series::completed) ? 0 : 1;
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

    private static List<String> tokeniseArgs(final Dataset data, final boolean both) {
        return both ? List.of(data.current().toString(), data.reference().toString())
                : List.of(data.current().toString());
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

    private void measure(final ChildJvm jvm, final Series series, final List<String> extraOptions,
            final String mainClass, final List<String> args, final int run) throws IOException, InterruptedException {
        var measurement = jvm.run(extraOptions, mainClass, args);
        series.runs().add(measurement);
        System.err.printf(Locale.ROOT, "  %-40s run %d: %6.2f s wall, %6.2f s in JVM, exit %d%n", series.label(),
                run, measurement.wallNanos() / 1e9, measurement.mainNanos() / 1e9, measurement.exitCode());
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
        out.println("Load:      " + loadAverage() + " (1, 5, 15 min) at start; other work on the machine skews the timings");
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

    private void printTable(final Series tokenise, final Series tokeniseBoth, final Series validate,
            final Series validateBoth, final Series capped, final Series startup) {
        out.printf(Locale.ROOT, "%nCollector: %s. Medians of %d runs (start-up: %d); memory columns are the "
                + "largest of the runs.%n%n", tokenise.runs().get(0).collector(), runs, startupRuns);
        out.printf(Locale.ROOT, ROW, "measurement", "data MB", "runs", "wall s", "in-JVM s", "MB/s", "ratio",
                "target", "RSS MiB", "heap MiB", "live MiB", "exit");
        out.println("-".repeat(144));
        row(tokenise, "", "baseline", "", "");
        row(tokeniseBoth, "", "baseline (2 files)", "", "");
        double ratio = tokenise.workSeconds() / validate.workSeconds();
        row(validate, percent(ratio), ratioTarget(ratio), "", "");
        double ratioBoth = tokeniseBoth.workSeconds() / validateBoth.workSeconds();
        row(validateBoth, percent(ratioBoth), ratioTarget(ratioBoth), "", "");
        double cappedRss = capped.maxMib(Measurement::peakRssBytes);
        double cappedHeap = capped.maxMib(Measurement::heapPeakBytes);
        row(capped, percent(tokeniseBoth.workSeconds() / capped.workSeconds()),
                "completed " + mark(capped.completed()), " " + mark(cappedRss <= RSS_TARGET_MIB),
                " " + mark(cappedHeap <= HEAP_TARGET_MIB));
        double startupWall = startup.medianSeconds(Measurement::wallNanos);
        out.printf(Locale.ROOT, ROW, startup.label(), megabytes(startup.bytes()), startup.runs().size(),
                seconds(startupWall), seconds(startup.workSeconds()), "", "",
                "wall ≤ 0.5 s " + mark(startupWall <= STARTUP_TARGET_S),
                mib(startup.maxMib(Measurement::peakRssBytes)), mib(startup.maxMib(Measurement::heapPeakBytes)),
                mib(startup.maxMib(Measurement::heapAfterGcBytes)), startup.exitCodes());
        double extra = validateBoth.workSeconds() / validate.workSeconds();
        out.printf(Locale.ROOT, "%nvalidate-data --reference takes %.2f× the time of validate-data on one file "
                + "(target ≤ 2×, §8.5) %s%n", extra, mark(extra <= 2));
        out.printf(Locale.ROOT, "-Xmx64m: completed %s, heap peak %.1f MiB (target ≤ %.0f) %s, peak RSS %.1f MiB "
                        + "(target ≤ %.0f) %s%n", mark(capped.completed()), cappedHeap, HEAP_TARGET_MIB,
                mark(cappedHeap <= HEAP_TARGET_MIB), cappedRss, RSS_TARGET_MIB, mark(cappedRss <= RSS_TARGET_MIB));
        out.println("""

                MB/s and ratio use the in-JVM time (main class loaded → exit); wall adds JVM start-up and process spawn.
                ratio = throughput of this run / throughput of tokenising the same files (target ≥ 60%, floor 35%).
                RSS = VmHWM at exit; heap = largest use before a GC pause or at exit; live = largest use after a pause.""");
        out.println("validate-data said:  " + validate.runs().get(0).firstLine());
        out.println("  with --reference:  " + validateBoth.runs().get(0).firstLine());
        out.println("\nCommands (first run of each):");
        for (Series series : List.of(tokenise, tokeniseBoth, validate, validateBoth, capped, startup)) {
            out.println("  " + series.label() + ":\n    " + String.join(" ", series.runs().get(0).command()));
        }
        for (Series series : List.of(tokenise, tokeniseBoth, validate, validateBoth, capped, startup)) {
            series.runs().stream().filter(m -> !m.completed()).findFirst().ifPresent(failed -> out.printf(
                    "%n%s did not complete (exit %d):%n%s%n", series.label(), failed.exitCode(),
                    tail(failed.output())));
        }
    }

    private void row(final Series series, final String ratio, final String target, final String rssMark,
            final String heapMark) {
        out.printf(Locale.ROOT, ROW, series.label(), megabytes(series.bytes()), series.runs().size(),
                seconds(series.medianSeconds(Measurement::wallNanos)), seconds(series.workSeconds()),
                String.format(Locale.ROOT, "%.1f", series.megabytesPerSecond()), ratio, target,
                mib(series.maxMib(Measurement::peakRssBytes)) + rssMark,
                mib(series.maxMib(Measurement::heapPeakBytes)) + heapMark,
                mib(series.maxMib(Measurement::heapAfterGcBytes)), series.exitCodes());
    }

    private void printMemory(final Series small, final Series large) {
        var a = small.runs().get(0);
        var b = large.runs().get(0);
        out.printf(Locale.ROOT, "%nMemory: validate-data --reference at -Xmx64m, %,d vs %,d rows (target: heap ≤ 64 "
                + "MiB, RSS ≤ 150 MiB, flat = at most +%.0f%%)%n%n", rows, memoryRows, FLAT * 100);
        out.printf(Locale.ROOT, "%-22s %16s %16s %8s  %s%n", "", String.format(Locale.ROOT, "%,d rows", rows),
                String.format(Locale.ROOT, "%,d rows", memoryRows), "change", "target");
        out.println("-".repeat(82));
        out.printf(Locale.ROOT, "%-22s %16s %16s%n", "data MB (both files)", megabytes(small.bytes()),
                megabytes(large.bytes()));
        out.printf(Locale.ROOT, "%-22s %16s %16s%n", "in-JVM s", seconds(small.workSeconds()),
                seconds(large.workSeconds()));
        out.printf(Locale.ROOT, "%-22s %16.1f %16.1f%n", "MB/s", small.megabytesPerSecond(),
                large.megabytesPerSecond());
        memoryLine("heap peak MiB", a.heapPeakBytes(), b.heapPeakBytes(), HEAP_TARGET_MIB);
        memoryLine("live heap MiB", a.heapAfterGcBytes(), b.heapAfterGcBytes(), Double.NaN);
        memoryLine("peak RSS MiB", a.peakRssBytes(), b.peakRssBytes(), RSS_TARGET_MIB);
        out.printf(Locale.ROOT, "%-22s %16d %16d%n", "exit", a.exitCode(), b.exitCode());
        out.println("\nCommand (" + memoryRows + " rows):\n    " + String.join(" ", b.command()));
        if (!b.completed()) {
            out.printf("%nThe %,d-row run did not complete (exit %d):%n%s%n", memoryRows, b.exitCode(),
                    tail(b.output()));
        }
    }

    private void memoryLine(final String label, final long small, final long large, final double limit) {
        double a = small / (double) (1 << 20);
        double b = large / (double) (1 << 20);
        double change = b / a - 1;
        boolean ok = change <= FLAT && (Double.isNaN(limit) || b <= limit);
        out.printf(Locale.ROOT, "%-22s %16.1f %16.1f %7.0f%%  %s%n", label, a, b, change * 100,
                (Double.isNaN(limit) ? "flat " : String.format(Locale.ROOT, "≤ %.0f, flat ", limit)) + mark(ok));
    }

    private static String ratioTarget(final double ratio) {
        if (ratio >= RATIO_TARGET) {
            return "≥ 60% ✓";
        }
        return "≥ 60% ✗ (floor 35% " + mark(ratio >= RATIO_FLOOR) + ")";
    }

    private static String mark(final boolean ok) {
        return ok ? "✓" : "✗";
    }

    private static String percent(final double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    private static String seconds(final double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String megabytes(final long bytes) {
        return String.format(Locale.ROOT, "%,.1f", bytes / 1e6);
    }

    private static String mib(final double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String tail(final String output) {
        var lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void deleteTree(final Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
