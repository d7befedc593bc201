package io.mlops.validation.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Timing of the drift tests on the sizes of reference/performance.md §8 item 5 (not a unit test; run by hand):
 * exact KS on 2M against 2M values, and a full comparison of 20 columns known through samples (133,333 values each,
 * as the default budget gives 15 numeric columns).
 *
 * <pre>
 * ./mvnw -B -q -pl mlops-core test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp mlops-core/target/test-classes:mlops-core/target/classes:$(cat mlops-core/target/test.classpath) \
 *     io.mlops.validation.drift.DriftBenchmark
 * </pre>
 */
final class DriftBenchmark {
    private static final int ROWS = 2_000_000;
    private static final int RUNS = 9;

    private DriftBenchmark() {
    }

    public static void main(final String[] args) {
        exactKolmogorovSmirnov();
        sampledComparisonOfTwentyColumns();
    }

    private static void exactKolmogorovSmirnov() {
        double[] reference = normal(1, ROWS, 0);
        DriftDetector ks = new DriftDetector(new DriftSettings(DriftMethod.KS, null, 0.5));
        long sortStart = System.nanoTime();
        double[] sortedReference = reference.clone();
        Arrays.sort(sortedReference);
        long sortNanos = System.nanoTime() - sortStart;
        NumericSample referenceSample = exact(sortedReference);
        System.out.printf(Locale.ROOT, "Arrays.sort of 2M doubles: %.0f ms%n", sortNanos / 1e6);
        // shifts: none (p from Pelz-Good), 0.004 sigma (p from the Smirnov sum with n = 10^6), 0.2 sigma (p = 0)
        for (double shift : new double[] {0.0, 0.004, 0.2}) {
            double[] current = normal(2, ROWS, shift);
            Arrays.sort(current);
            NumericSample currentSample = exact(current);
            List<Double> millis = new ArrayList<>();
            ColumnDrift drift = null;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                drift = ks.compare(referenceSample, currentSample);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            long start = System.nanoTime();
            TestOutcome statisticOnly = KolmogorovSmirnov.test(referenceSample, currentSample);
            double statisticMillis = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "exact ks 2M vs 2M, shift %.3f sigma: D=%.5f p=%.3g compare (merge, "
                    + "p-value, histogram) median %.1f ms, min %.1f ms; merge + p-value %.1f ms; runs %s%n", shift,
                    drift.statistic(), drift.pValue(), median(millis), millis.stream().mapToDouble(d -> d).min()
                            .orElseThrow(), statisticMillis, format(millis));
            if (statisticOnly.statistic() != drift.statistic()) {
                throw new IllegalStateException("inconsistent statistic");
            }
        }
    }

    private static void sampledComparisonOfTwentyColumns() {
        Map<String, ColumnSample[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < 15; c++) {
            columns.put("numeric" + c, new ColumnSample[] {normalSample(100 + c, 0),
                normalSample(200 + c, c % 3 == 0 ? 0.1 : 0)});
        }
        for (int c = 0; c < 5; c++) {
            columns.put("categorical" + c, new ColumnSample[] {categories(300 + c, 0), categories(400 + c, c % 2)});
        }
        Map<DriftMethod, DriftDetector> detectors = new LinkedHashMap<>();
        for (DriftMethod method : DriftMethod.values()) {
            detectors.put(method, new DriftDetector(new DriftSettings(method, null, 0.5)));
        }
        List<Double> millis = new ArrayList<>();
        List<Double> autoMillis = new ArrayList<>();
        int tests = 0;
        for (int run = 0; run < 30; run++) {
            long start = System.nanoTime();
            tests = 0;
            for (ColumnSample[] pair : columns.values()) {
                boolean numeric = pair[0] instanceof NumericSample;
                for (DriftMethod method : numeric
                        ? List.of(DriftMethod.KS, DriftMethod.WASSERSTEIN, DriftMethod.JENSEN_SHANNON, DriftMethod.PSI)
                        : List.of(DriftMethod.CHI2, DriftMethod.JENSEN_SHANNON, DriftMethod.PSI)) {
                    detectors.get(method).compare(pair[0], pair[1]);
                    tests++;
                }
            }
            millis.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            Map<String, ColumnDrift> results = new LinkedHashMap<>();
            DriftDetector auto = detectors.get(DriftMethod.AUTO);
            columns.forEach((name, pair) -> results.put(name, auto.compare(pair[0], pair[1])));
            detectors.get(DriftMethod.AUTO).summarize(results);
            autoMillis.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> warm = millis.subList(10, millis.size());
        List<Double> warmAuto = autoMillis.subList(10, autoMillis.size());
        System.out.printf(Locale.ROOT, "20 columns (15 numeric 2M-value columns as 133,333-value samples: ks, wasserstein, "
                + "jensen_shannon, psi; 5 categorical with 50 values: chi2, jensen_shannon, psi) = %d tests with "
                + "histograms: median %.1f ms, first (cold) run %.1f ms%n", tests, median(warm), millis.get(0));
        System.out.printf(Locale.ROOT, "20 columns with auto and summarize: median %.1f ms%n", median(warmAuto));
    }

    private static double[] normal(final long seed, final int n, final double mean) {
        return Samples.normal(seed, n, mean, 1.0);
    }

    /** Every value (no value counts: 2M normal values are all distinct). */
    private static NumericSample exact(final double[] sorted) {
        return new NumericSample(ROWS, sorted, false, sorted[0], sorted[ROWS - 1], null, ROWS);
    }

    private static NumericSample normalSample(final long seed, final double mean) {
        return Samples.sampledOf(ROWS, Samples.normal(seed, 133_333, mean, 1.0));
    }

    private static CategoricalSample categories(final long seed, final int skew) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            counts.put("value" + i, 10_000L + random.nextInt(1000) + skew * i * 100L);
        }
        return Samples.categorical(counts);
    }

    private static double median(final List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String format(final List<Double> millis) {
        return millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList().toString();
    }
}
