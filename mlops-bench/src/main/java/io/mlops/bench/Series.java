package io.mlops.bench;

import io.mlops.bench.ChildJvm.Measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The runs of one measurement over {@code bytes} of CSV: medians for times, maxima for memory.
 *
 * @param label what was measured, as printed
 * @param bytes the CSV bytes every run read
 * @param runs  the runs, in order
 */
record Series(String label, long bytes, List<Measurement> runs) {
    private static final double MIB = 1 << 20;

    Series(final String label, final long bytes) {
        this(label, bytes, new ArrayList<>());
    }

    Measurement first() {
        return runs.get(0);
    }

    double medianSeconds(final ToLongFunction<Measurement> nanos) {
        var sorted = runs.stream().mapToLong(nanos).sorted().toArray();
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e9;
    }

    /** Median seconds inside the child: the basis of throughput, as in reference/performance.md. */
    double workSeconds() {
        return medianSeconds(Measurement::mainNanos);
    }

    double wallSeconds() {
        return medianSeconds(Measurement::wallNanos);
    }

    double megabytesPerSecond() {
        return bytes / 1e6 / workSeconds();
    }

    /** The largest value over the runs in MiB, negative when unknown. */
    double maxMib(final ToLongFunction<Measurement> value) {
        return runs.stream().mapToLong(value).max().orElse(-1) / MIB;
    }

    boolean completed() {
        return runs.stream().allMatch(Measurement::completed);
    }

    String exitCodes() {
        return String.join("/", runs.stream().map(m -> String.valueOf(m.exitCode())).distinct().toList());
    }
}
