package io.mlops.validation;

import io.mlops.data.TextValues;
import io.mlops.validation.drift.CategoricalSample;
import io.mlops.validation.drift.ColumnSample;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * String columns: exact value counts while the column has at most
 * {@link CategoricalSample#MAX_EXACT_CATEGORIES} distinct values, then a frequent-items sketch and a
 * HyperLogLog distinct count; allowed-value, pattern and unique violations.
 */
final class TextStats extends ColumnStats {
    private static final int FREQUENT_ITEMS_MAP = 1024;

    private final Set<String> allowed;
    private final Matcher matcher;
    private Map<String, Tally> counts = new HashMap<>();
    private ItemsSketch<String> frequent;
    private HllSketch distinct;

    TextStats(final ColumnPlan plan, final UniqueValues unique) {
        super(plan, unique);
        var spec = plan.spec();
        allowed = spec == null || spec.allowed() == null ? null : spec.allowed().stream()
                .map(v -> v instanceof Number n ? TextValues.formatNumber(n.doubleValue()) : v.toString())
                .collect(Collectors.toSet());
        matcher = spec == null || spec.pattern() == null ? null : Pattern.compile(spec.pattern()).matcher("");
    }

    @Override
    void accept(final RowBatch batch) {
        String[] values = batch.texts[plan.index()];
        for (int i = 0; i < batch.size; i++) {
            String v = values[i];
            if (v == null) {
                missing++;
                continue;
            }
            count++;
            var tally = countExactly(v);
            boolean isAllowed = tally != null ? tally.allowed : isAllowed(v);
            boolean matches = tally != null ? tally.matches : matches(v);
            if (!isAllowed) {
                notAllowed.add(batch.lines[i], v);
            }
            if (!matches) {
                noMatch.add(batch.lines[i], v);
            }
            if (unique != null) {
                unique.add(hash(v));
            }
            if (tally == null) {
                frequent.update(v);
                distinct.update(v);
            }
            values[i] = null;
        }
    }

    /** Counts a value in the exact counts and returns its tally, or null once the column has too many values. */
    private Tally countExactly(final String v) {
        if (counts == null) {
            return null;
        }
        var tally = counts.get(v);
        if (tally != null) {
            tally.count++;
            return tally;
        }
        if (counts.size() < CategoricalSample.MAX_EXACT_CATEGORIES) {
            tally = new Tally(isAllowed(v), matches(v));
            counts.put(v, tally);
            return tally;
        }
        switchToSketches();
        return null;
    }

    private boolean isAllowed(final String v) {
        return allowed == null || allowed.contains(v);
    }

    private boolean matches(final String v) {
        return matcher == null || matcher.reset(v).matches();
    }

    private void switchToSketches() {
        frequent = new ItemsSketch<>(FREQUENT_ITEMS_MAP);
        distinct = newDistinctSketch();
        counts.forEach((value, n) -> {
            frequent.update(value, n.count);
            distinct.update(value);
        });
        counts = null;
    }

    @Override
    ColumnProfile profile() {
        var top = topCounts(10).entrySet().stream().map(e -> new ValueCount(e.getKey(), e.getValue())).toList();
        long distinctValues = counts != null ? counts.size() : Math.round(distinct.getEstimate());
        return new ColumnProfile(plan.type(), count, missing, distinctValues, null, null, null, null, null,
                count == 0 ? null : top);
    }

    @Override
    Map<String, Long> topCounts(final int limit) {
        if (counts != null) {
            return counts.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Tally>>comparingLong(e -> -e.getValue().count)
                            .thenComparing(Map.Entry::getKey))
                    .limit(limit)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().count, (a, b) -> a,
                            LinkedHashMap::new));
        }
        var rows = frequent.getFrequentItems(ErrorType.NO_FALSE_POSITIVES);
        var top = new LinkedHashMap<String, Long>();
        for (int i = 0; i < rows.length && i < limit; i++) {
            top.put(rows[i].getItem(), rows[i].getEstimate());
        }
        return top;
    }

    @Override
    ColumnSample sample() {
        if (counts != null) {
            var exact = new LinkedHashMap<String, Long>();
            counts.forEach((value, n) -> exact.put(value, n.count));
            return new CategoricalSample(count, exact, 0, true);
        }
        var kept = topCounts(FREQUENT_ITEMS_MAP);
        long keptTotal = kept.values().stream().mapToLong(Long::longValue).sum();
        return new CategoricalSample(count, kept, Math.max(0, count - keptTotal), false);
    }

    /** How often a value occurred, and whether it passes the constraints: each distinct value is checked once. */
    private static final class Tally {
        private final boolean allowed;
        private final boolean matches;
        private long count = 1;

        Tally(final boolean allowed, final boolean matches) {
            this.allowed = allowed;
            this.matches = matches;
        }
    }

    /** FNV-1a over the UTF-16 code units, finished with splitmix64: a 64-bit hash without allocation. */
    static long hash(final String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        return SmallValueCounts.mix(h ^ value.length());
    }
}
