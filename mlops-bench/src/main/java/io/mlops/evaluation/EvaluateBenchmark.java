package io.mlops.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.data.DataFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The evaluate benchmark (issue 3, DESIGN.md §4): on N binary predictions with scores from a candidate and a
 * baseline, side by side with mlops-bench/evaluate_numpy.py doing the same work in one run: the full binary metric
 * set of both models, and a paired 1,000-resample bootstrap interval of the roc_auc and f1_score differences. The
 * numpy script generates the rows and writes them as CSV; this class reads them with the engine's reader (timed
 * apart), then times the same two computations, and checks that the bootstrap gives identical intervals on one
 * thread and on all.
 *
 * <p>Run from the repository root: {@code mlops-bench/evaluate} (needs python3 with numpy, scipy and
 * scikit-learn). It lives in the engine's package to time the engine's own classes without going through files
 * and reports.
 */
public final class EvaluateBenchmark {
    private EvaluateBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        var dir = Path.of("bench-data", "evaluate-" + rows);
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "mlops evaluate benchmark: %,d binary predictions with scores, candidate vs "
                + "baseline, %,d resamples, %d cores%nLoad at start: %s%n", rows, resamples,
                Runtime.getRuntime().availableProcessors(), load());
        var numpy = numpy(rows, resamples, dir);
        long t0 = System.nanoTime();
        var candidate = PredictionsReader.read(dir.resolve("candidate.csv"), DataFormat.CSV, Task.BINARY,
                PredictionColumns.DEFAULT, "1", List.of());
        var paired = EvaluateModel.pair(candidate, PredictionsReader.read(dir.resolve("baseline.csv"), DataFormat.CSV,
                Task.BINARY, PredictionColumns.DEFAULT, "1", List.of(), candidate.classes()));
        double read = seconds(t0);

        // the metric set of both models, best of 3 (the first includes JIT compilation)
        double metrics = Double.MAX_VALUE;
        Evaluator.Measured measured = null;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            measured = Evaluator.measure(paired[0]);
            Evaluator.measure(paired[1]);
            metrics = Math.min(metrics, seconds(start));
        }
        var pair = new BinaryResampling(paired[0].positives(),
                new BinaryResampling.Outcomes(paired[0].predictedPositive(), paired[0].score()),
                new BinaryResampling.Outcomes(paired[1].predictedPositive(), paired[1].score()));
        int cores = Runtime.getRuntime().availableProcessors();
        long b0 = System.nanoTime();
        var all = PairedBootstrap.run(pair, resamples, 42, cores);
        double bootstrap = seconds(b0);
        var one = PairedBootstrap.run(pair, resamples, 42, 1);
        boolean identical = all.keySet().stream().allMatch(m -> Arrays.equals(all.get(m).sorted(), one.get(m).sorted()));

        var timings = numpy.get("timings");
        double numpyMetrics = timings.get("metrics_candidate_s").asDouble() + timings.get("metrics_baseline_s").asDouble();
        double numpyBootstrap = timings.get("bootstrap_s").asDouble();
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%-44s %10s %10s %9s  %s%n", "measurement", "numpy s", "mlops s",
                "speed-up", "target"));
        out.append("-".repeat(100)).append('\n');
        out.append(String.format(Locale.ROOT, "%-44s %10s %10.3f %9s  %s%n", "read both CSV files (mlops reader)", "—",
                read, "", "not in the comparison (numpy generated them in memory)"));
        out.append(row("metric set, both models", numpyMetrics, metrics, 1.0, "no slower than numpy"));
        out.append(row("paired bootstrap, " + resamples + " resamples, " + cores + " cores", numpyBootstrap,
                bootstrap, 6.0, "≥ 6× numpy's sort-once"));
        out.append(String.format(Locale.ROOT, "%-44s %10s %10.3f %9s  %s%n", "", "", bootstrap, "",
                "about ≤ 6 s on 2 cores " + (bootstrap <= 6.0 ? "✓" : "✗")));
        out.append(String.format(Locale.ROOT, "%-44s %s%n", "same intervals on 1 and " + cores + " threads",
                identical ? "yes ✓" : "NO ✗"));
        var auc = all.get("roc_auc").interval(0.95);
        var f1 = all.get("f1_score").interval(0.95);
        out.append(String.format(Locale.ROOT, "%nroc_auc  candidate %.6f; difference 95%% interval: mlops [%.5f, %.5f], numpy %s%n",
                measured.metrics().get("roc_auc").doubleValue(), auc[0], auc[1],
                numpy.get("bootstrap").get("roc_auc").get("ci")));
        out.append(String.format(Locale.ROOT, "f1_score candidate %.6f; difference 95%% interval: mlops [%.5f, %.5f], numpy %s%n",
                measured.metrics().get("f1_score").doubleValue(), f1[0], f1[1],
                numpy.get("bootstrap").get("f1_score").get("ci")));
        out.append(String.format(Locale.ROOT, "numpy roc_auc %.15f vs mlops %.15f (same rows, must agree to 1e-9)%n",
                numpy.get("candidate").get("roc_auc").asDouble(), measured.metrics().get("roc_auc").doubleValue()));
        out.append("(The two bootstraps draw different resamples, so their intervals agree only statistically.)\n");
        out.append("Load at end: ").append(load()).append('\n');
        System.out.print(out);
    }

    private static String row(final String label, final double numpy, final double mlops, final double target,
            final String targetText) {
        double speedUp = numpy / mlops;
        return String.format(Locale.ROOT, "%-44s %10.3f %10.3f %8.1f×  %s %s%n", label, numpy, mlops, speedUp,
                targetText, speedUp >= target ? "✓" : "✗");
    }

    private static JsonNode numpy(final int rows, final int resamples, final Path dir)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("python3", "mlops-bench/evaluate_numpy.py", "--rows",
                String.valueOf(rows), "--resamples", String.valueOf(resamples), "--write-dir", dir.toString()));
        System.out.println("Running: " + String.join(" ", command));
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("evaluate_numpy.py failed (exit " + process.exitValue()
                    + "); it needs python3 with numpy, scipy and scikit-learn: pip install numpy scipy scikit-learn");
        }
        var lines = output.strip().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private static double seconds(final long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String load() throws IOException {
        var loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? Files.readString(loadavg).trim() : "?";
    }
}
