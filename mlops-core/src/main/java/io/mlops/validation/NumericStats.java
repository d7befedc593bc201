package io.mlops.validation;

import io.mlops.data.TextValues;
import io.mlops.validation.drift.ColumnSample;
import io.mlops.validation.drift.NumericSample;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Integer, number and timestamp columns: exact count, min, max, mean and variance (per-batch moments combined
 * with Chan et al.'s parallel formula), KLL quantiles, distinct values (exact while few, HyperLogLog after),
 * the values for drift tests (every value while they fit the budget, a uniform sample of that size after), and
 * min/max/allowed/unique violations.
 */
final class NumericStats extends ColumnStats {
    private static final double[] QUANTILES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
    /** Exact counts while the column has few values: exact distinct counts and top values for codes and ages. */
    private static final int EXACT_DISTINCT = 4096;

    /** Seeds the drift samples: the same file gives the same sample, and so the same report. */
    private static final long SAMPLE_SEED = 0x6d6c6f7073L;

    /** The quantile sketch; null when the column is kept only for drift tests (a reference dataset). */
    private final KllDoublesSketch sketch;
    private final SmallValueCounts small = new SmallValueCounts(EXACT_DISTINCT);
    private final double[] scratch = new double[RowBatch.CAPACITY];
    /** The values for drift tests; null when there are none. */
    private final DriftValues driftValues;
    private final Double minBound;
    private final Double maxBound;
    private final Set<Double> allowed;
    /**
     * Whether the sketch still waits for the exact counts. While they hold every value, the sketch gets no
     * update per value (its compactions are most of a column's cost): it is filled from the counts, one
     * weighted update per distinct value, which DataSketches documents as equivalent to that many updates,
     * once the counts overflow or the pass is over.
     */
    private boolean sketchFromCounts = true;
    /** The distinct-count sketch once the exact counts overflow; never made for a column kept only for drift. */
    private HllSketch distinct;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;

    /**
     * @param sketchK       the KLL quantile sketch's k, or 0 for no quantiles (a column kept only for drift tests)
     * @param driftCapacity how many values to keep for drift tests, or 0 for none
     */
    NumericStats(final ColumnPlan plan, final int sketchK, final int driftCapacity, final UniqueValues unique) {
        super(plan, unique);
        this.sketch = sketchK == 0 ? null : KllDoublesSketch.newHeapInstance(sketchK);
        this.driftValues = driftCapacity == 0 ? null : new DriftValues(driftCapacity, SAMPLE_SEED + plan.index());
        var spec = plan.spec();
        minBound = spec == null ? null : SchemaFile.bound(null, plan.name(), plan.type(), "min", spec.min());
        maxBound = spec == null ? null : SchemaFile.bound(null, plan.name(), plan.type(), "max", spec.max());
        allowed = spec == null || spec.allowed() == null ? null : spec.allowed().stream()
                .filter(Number.class::isInstance).map(v -> ((Number) v).doubleValue()).collect(Collectors.toSet());
    }

    @Override
    void accept(final RowBatch batch) {
        double[] values = batch.numbers[plan.index()];
        int n = 0;
        boolean checkBounds = minBound != null || maxBound != null || allowed != null;
        for (int i = 0; i < batch.size; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                missing++;
                continue;
            }
            scratch[n++] = v;
            if (checkBounds) {
                checkBounds(v, batch.lines[i]);
            }
            if (unique != null) {
                unique.add(SmallValueCounts.mix(Double.doubleToLongBits(v == 0.0 ? 0.0 : v)));
            }
        }
        if (n == 0) {
            return;
        }
        addMoments(n);
        int counted = countDistinct(n);
        if (distinct != null) {
            if (sketchFromCounts) {
                // the counts overflowed in this batch: they hold its first values, the sketch gets the rest
                fillSketchFromCounts();
                sketch.update(scratch, counted, n - counted);
            }
            else {
                sketch.update(scratch, 0, n);
            }
        }
        if (driftValues != null) {
            driftValues.add(scratch, n);
        }
    }

    private void checkBounds(final double v, final long line) {
        if (minBound != null && v < minBound) {
            below.add(line, format(v));
        }
        if (maxBound != null && v > maxBound) {
            above.add(line, format(v));
        }
        if (allowed != null && !allowed.contains(v)) {
            notAllowed.add(line, format(v));
        }
    }

    private void addMoments(final int n) {
        double sum = 0;
        double batchMin = min;
        double batchMax = max;
        for (int i = 0; i < n; i++) {
            double v = scratch[i];
            sum += v;
            batchMin = Math.min(batchMin, v);
            batchMax = Math.max(batchMax, v);
        }
        double batchMean = sum / n;
        double batchM2 = 0;
        for (int i = 0; i < n; i++) {
            double d = scratch[i] - batchMean;
            batchM2 += d * d;
        }
        // Chan, Golub & LeVeque (1979): combine two partial means and sums of squared deviations.
        double delta = batchMean - mean;
        long total = count + n;
        mean += delta * n / total;
        m2 += batchM2 + delta * delta * ((double) count * n / total);
        count = total;
        min = batchMin;
        max = batchMax;
    }

    /** Counts the distinct values; returns how many of the batch's first values went into the exact counts. */
    private int countDistinct(final int n) {
        int i = 0;
        if (distinct == null) {
            while (i < n && small.add(scratch[i])) {
                i++;
            }
            if (i == n || sketch == null) {
                return i;
            }
            distinct = newDistinctSketch();
            for (double seen : small.values()) {
                distinct.update(seen);
            }
        }
        int counted = i;
        for (; i < n; i++) {
            distinct.update(scratch[i]);
        }
        return counted;
    }

    private KllDoublesSketch sketch() {
        if (sketchFromCounts) {
            fillSketchFromCounts();
        }
        return sketch;
    }

    private void fillSketchFromCounts() {
        if (sketch != null) {
            small.toMap().forEach(sketch::update);
        }
        sketchFromCounts = false;
    }

    /** Distinct values: exact, else the HyperLogLog estimate, else (kept only for drift) a lower bound. */
    private long distinctCount() {
        return distinct == null ? small.size() : Math.round(distinct.getEstimate());
    }

    @Override
    ColumnProfile profile() {
        long distinctValues = distinctCount();
        Map<String, Double> quantiles = null;
        List<ValueCount> top = null;
        if (count > 0 && plan.type() != ColumnType.TIMESTAMP) {
            quantiles = new LinkedHashMap<>();
            double[] values = sketch().getQuantiles(QUANTILES, QuantileSearchCriteria.INCLUSIVE);
            for (int i = 0; i < QUANTILES.length; i++) {
                quantiles.put(Double.toString(QUANTILES[i]), values[i]);
            }
        }
        if (distinct == null && count > 0 && small.size() <= NumericSample.MAX_EXACT_DISTINCT) {
            top = topCounts(10).entrySet().stream().map(e -> new ValueCount(e.getKey(), e.getValue())).toList();
        }
        boolean timestamp = plan.type() == ColumnType.TIMESTAMP;
        Object low = count == 0 ? null : timestamp ? iso(min) : (Object) min;
        Object high = count == 0 ? null : timestamp ? iso(max) : (Object) max;
        Double average = count == 0 || timestamp ? null : mean;
        Double deviation = count < 2 || timestamp ? null : Math.sqrt(m2 / (count - 1));
        return new ColumnProfile(plan.type(), count, missing, distinctValues, low, high, average, deviation,
                quantiles, top);
    }

    @Override
    Map<String, Long> topCounts(final int limit) {
        if (distinct != null) {
            return Map.of();
        }
        return small.toMap().entrySet().stream()
                .sorted(Map.Entry.<Double, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .collect(Collectors.toMap(e -> format(e.getKey()), Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new));
    }

    @Override
    ColumnSample sample() {
        if (driftValues == null) {
            throw new IllegalStateException("column " + plan.name() + " was profiled without drift values");
        }
        var valueCounts = !small.overflowed() && small.size() <= NumericSample.MAX_EXACT_DISTINCT ? small.toMap() : null;
        return new NumericSample(count, driftValues.sortedValues(), !driftValues.keptAll(), min, max, valueCounts,
                distinctCount());
    }

    private String format(final double value) {
        return plan.type() == ColumnType.TIMESTAMP ? iso(value) : TextValues.formatNumber(value);
    }

    private static String iso(final double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000)).toString();
    }
}
