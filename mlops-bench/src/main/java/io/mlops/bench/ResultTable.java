package io.mlops.bench;

import io.mlops.bench.ChildJvm.Measurement;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the measurements next to the targets of reference/performance.md §8, with ✓ or ✗. */
final class ResultTable {
    private static final double RATIO_TARGET = 0.60;
    private static final double RATIO_FLOOR = 0.35;
    private static final double STARTUP_TARGET_S = 0.5;
    private static final double HEAP_TARGET_MIB = 64;
    private static final double RSS_TARGET_MIB = 150;
    private static final double REFERENCE_COST_TARGET = 2;
    /** Memory is flat when the larger run needs at most this much more. */
    private static final double FLAT = 0.10;
    private static final double MIB = 1 << 20;
    private static final String ROW = "%-40s %8s %4s %7s %8s %7s %6s  %-21s %8s %8s %8s %4s%n";

    private final PrintStream out;

    ResultTable(final PrintStream out) {
        this.out = out;
    }

    /**
     * The measurements of one run of the benchmark.
     *
     * @param tokenise     FastCSV over the current file
     * @param tokeniseBoth FastCSV over the current and the reference file
     * @param validate     validate-data on the current file
     * @param validateBoth validate-data --reference
     * @param capped       validate-data --reference under -Xmx64m
     * @param startup      validate-data on 1,000 rows, with the same JVM options as the other children
     * @param launcher     the same through the {@code ./mlops} launcher, with the JVM options it adds
     */
    record Results(Series tokenise, Series tokeniseBoth, Series validate, Series validateBoth, Series capped,
            Series startup, Series launcher) {
        List<Series> all() {
            return List.of(tokenise, tokeniseBoth, validate, validateBoth, capped, startup, launcher);
        }
    }

    void print(final Results results) {
        out.printf(Locale.ROOT, "%nCollector: %s. Times are medians of %d runs (start-up: %d); memory columns are the "
                + "largest of the runs.%n%n", results.tokenise().first().collector(), results.tokenise().runs().size(),
                results.startup().runs().size());
        out.printf(Locale.ROOT, ROW, "measurement", "data MB", "runs", "wall s", "in-JVM s", "MB/s", "ratio",
                "target", "RSS MiB", "heap MiB", "afterGC", "exit");
        out.println("-".repeat(144));
        row(results.tokenise(), "", "baseline", "", "");
        row(results.tokeniseBoth(), "", "baseline (2 files)", "", "");
        ratioRow(results.validate(), results.tokenise());
        ratioRow(results.validateBoth(), results.tokeniseBoth());
        var capped = results.capped();
        double cappedRss = capped.maxMib(Measurement::peakRssBytes);
        double cappedHeap = capped.maxMib(Measurement::heapPeakBytes);
        long completedRuns = capped.runs().stream().filter(Measurement::completed).count();
        row(capped, percent(results.tokeniseBoth().workSeconds() / capped.workSeconds()),
                "completed " + completedRuns + "/" + capped.runs().size() + " " + mark(capped.completed()),
                " " + mark(cappedRss <= RSS_TARGET_MIB), " " + mark(cappedHeap <= HEAP_TARGET_MIB));
        startupRow(results.startup());
        startupRow(results.launcher());

        double referenceCost = results.validateBoth().workSeconds() / results.validate().workSeconds();
        out.printf(Locale.ROOT, "%nvalidate-data --reference takes %.2f× the time of validate-data on one file "
                + "(target ≤ 2×, §8.5) %s%n", referenceCost, mark(referenceCost <= REFERENCE_COST_TARGET));
        int fullGcs = capped.runs().stream().mapToInt(Measurement::fullGcs).max().orElse(0);
        out.printf(Locale.ROOT, "-Xmx64m: completed %d of %d runs %s, heap peak %.1f MiB (target ≤ %.0f) %s, "
                        + "peak RSS %.1f MiB (target ≤ %.0f) %s; up to %d full GCs a run%s%n", completedRuns,
                capped.runs().size(), mark(capped.completed()), cappedHeap, HEAP_TARGET_MIB,
                mark(cappedHeap <= HEAP_TARGET_MIB), cappedRss, RSS_TARGET_MIB, mark(cappedRss <= RSS_TARGET_MIB),
                fullGcs, fullGcs == 0 ? "" : ", the largest heap after one (the live set then) "
                        + mib(capped.maxMib(Measurement::afterFullGcBytes)) + " MiB");
        out.println("""

                MB/s and ratio use the in-JVM time (main class loaded → exit); wall adds JVM start-up and the spawn.
                ratio = throughput of this run / throughput of tokenising the same files (target ≥ 60%, floor 35%).
                RSS = VmHWM at exit; heap = largest use before a GC pause or at exit; afterGC = largest use right after
                a pause (an upper bound of the live set: a young pause leaves old garbage in place).""");
        out.println("validate-data said:  " + results.validate().first().firstLine());
        out.println("  with --reference:  " + results.validateBoth().first().firstLine());
        out.println("\nCommands (first run of each):");
        for (Series series : results.all()) {
            out.println("  " + series.label() + ":\n    " + String.join(" ", series.first().command()));
        }
        out.println("  (the launcher adds its JVM options, e.g. a class-data-sharing archive; see ./mlops)");
        for (Series series : results.all()) {
            series.runs().stream().filter(m -> !m.completed()).findFirst().ifPresent(this::printFailure);
        }
    }

    /** Heap and RSS of the capped validate-data --reference run at two sizes, side by side. */
    void printMemory(final Series small, final long smallRows, final Series large, final long largeRows) {
        var a = small.first();
        var b = large.first();
        out.printf(Locale.ROOT, "%nMemory: validate-data --reference at -Xmx64m, %,d vs %,d rows (target: heap ≤ 64 "
                + "MiB, RSS ≤ 150 MiB, flat = at most +%.0f%%)%n%n", smallRows, largeRows, FLAT * 100);
        out.printf(Locale.ROOT, "%-22s %16s %16s %8s  %s%n", "", String.format(Locale.ROOT, "%,d rows", smallRows),
                String.format(Locale.ROOT, "%,d rows", largeRows), "change", "target");
        out.println("-".repeat(82));
        out.printf(Locale.ROOT, "%-22s %16s %16s%n", "data MB (both files)", megabytes(small.bytes()),
                megabytes(large.bytes()));
        out.printf(Locale.ROOT, "%-22s %16s %16s%n", "in-JVM s", seconds(small.workSeconds()),
                seconds(large.workSeconds()));
        out.printf(Locale.ROOT, "%-22s %16.1f %16.1f%n", "MB/s", small.megabytesPerSecond(),
                large.megabytesPerSecond());
        memoryLine("heap peak MiB", a.heapPeakBytes(), b.heapPeakBytes(), HEAP_TARGET_MIB);
        memoryLine("heap after GC MiB", a.heapAfterGcBytes(), b.heapAfterGcBytes(), Double.NaN);
        out.printf(Locale.ROOT, "%-22s %16d %16d%n", "full GCs", a.fullGcs(), b.fullGcs());
        out.printf(Locale.ROOT, "%-22s %16s %16s%n", "after full GC MiB", mib(a.afterFullGcBytes() / MIB),
                mib(b.afterFullGcBytes() / MIB));
        memoryLine("peak RSS MiB", a.peakRssBytes(), b.peakRssBytes(), RSS_TARGET_MIB);
        out.printf(Locale.ROOT, "%-22s %16d %16d%n", "exit", a.exitCode(), b.exitCode());
        out.println("\nCommand (" + largeRows + " rows):\n    " + String.join(" ", b.command()));
        if (!b.completed()) {
            printFailure(b);
        }
    }

    private void row(final Series series, final String ratio, final String target, final String rssMark,
            final String heapMark) {
        out.printf(Locale.ROOT, ROW, series.label(), megabytes(series.bytes()), series.runs().size(),
                seconds(series.wallSeconds()), seconds(series.workSeconds()),
                String.format(Locale.ROOT, "%.1f", series.megabytesPerSecond()), ratio, target,
                mib(series.maxMib(Measurement::peakRssBytes)) + rssMark,
                mib(series.maxMib(Measurement::heapPeakBytes)) + heapMark,
                mib(series.maxMib(Measurement::heapAfterGcBytes)), series.exitCodes());
    }

    private void startupRow(final Series startup) {
        out.printf(Locale.ROOT, ROW, startup.label(), megabytes(startup.bytes()), startup.runs().size(),
                seconds(startup.wallSeconds()), seconds(startup.workSeconds()), "", "",
                startup.completed() ? "wall ≤ 0.5 s " + mark(startup.wallSeconds() <= STARTUP_TARGET_S)
                        : "did not complete ✗",
                mib(startup.maxMib(Measurement::peakRssBytes)), mib(startup.maxMib(Measurement::heapPeakBytes)),
                mib(startup.maxMib(Measurement::heapAfterGcBytes)), startup.exitCodes());
    }

    /** A validate-data row with its throughput as a share of tokenising the same files. */
    private void ratioRow(final Series validate, final Series tokenise) {
        if (!validate.completed()) {
            row(validate, "", "did not complete ✗", "", "");
            return;
        }
        double ratio = tokenise.workSeconds() / validate.workSeconds();
        row(validate, percent(ratio), ratioTarget(ratio), "", "");
    }

    private void memoryLine(final String label, final long small, final long large, final double limit) {
        double a = small / MIB;
        double b = large / MIB;
        double change = b / a - 1;
        boolean ok = change <= FLAT && (Double.isNaN(limit) || b <= limit);
        out.printf(Locale.ROOT, "%-22s %16.1f %16.1f %7.0f%%  %s%n", label, a, b, change * 100,
                (Double.isNaN(limit) ? "flat " : String.format(Locale.ROOT, "≤ %.0f, flat ", limit)) + mark(ok));
    }

    /** The command and the first lines of its output, where both the CLI's error and a JVM's trace begin. */
    private void printFailure(final Measurement failed) {
        var lines = failed.output().lines().limit(15).toList();
        out.printf(Locale.ROOT, "%nThis run did not complete (exit %d):%n    %s%n%s%n", failed.exitCode(),
                String.join(" ", failed.command()), String.join("\n", lines));
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
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String megabytes(final long bytes) {
        return String.format(Locale.ROOT, "%,.1f", bytes / 1e6);
    }

    private static String mib(final double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }
}
