package io.mlops.validation.drift;

import io.mlops.util.InputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tests each column of a current dataset for drift against the reference and decides, with Evidently's rules,
 * whether the column and the dataset drifted.
 *
 * <p>Methods and default thresholds are Evidently's (legacy/calculations/stattests): {@code ks}, {@code chi2} and
 * {@code z} drift when the p-value is below the threshold (0.05; ks at or below it, as ks_stattest.py compares
 * {@code p <= threshold}); {@code wasserstein} (normed), {@code jensen_shannon} and {@code psi} drift when the
 * distance reaches the threshold (0.1). {@code auto} picks per column as Evidently's {@code _get_default_stattest}
 * does (see {@link AutoSelection}). The dataset drifts when the share of drifted columns reaches the share threshold
 * (Evidently data_drift.py: {@code share >= drift_share}).
 *
 * <p><b>Negligible effects.</b> On huge samples a p-value test finds shifts significant that nobody would act on.
 * When ks, chi2 or z is significant but the effect size is below its cut-off, the column is reported with
 * {@code negligible = true} and {@code drifted = false}:
 * <ul>
 *     <li>ks: D &lt; 0.04. D is itself size-independent; 0.04 is the D of a 0.1 σ shift of a normal
 *         distribution (2Φ(0.05) - 1 = 0.0399), the shift at which Evidently's large-sample default (normed
 *         Wasserstein ≥ 0.1) starts to flag drift. Cohen's (1988) small effect d = 0.2 would give D = 0.080,
 *         which would hide shifts Evidently reports.</li>
 *     <li>chi2: Cramér's V &lt; 0.1, Cohen's small w (1988, §7.2; V = w for a 2 × k table). Evidently's
 *         large-sample default (Jensen-Shannon distance 0.1) corresponds to V ≈ 0.14.</li>
 *     <li>z: Cohen's h &lt; 0.2, Cohen's small h (1988, §6.2). Jensen-Shannon 0.1 corresponds to h ≈ 0.28.</li>
 * </ul>
 * Each cut-off is the smaller of Cohen's small effect and the effect Evidently's own large-sample default flags, so
 * nothing either would call a real effect is suppressed. The rule judges a shift by its size, so the verdict no
 * longer depends on the sample size (evidently#50); it only bites where the sample is large enough to make such
 * small effects significant (at α = 0.05: ks from about 2,300 values per side, chi2 with two degrees of freedom
 * from about 300, z from about 200).
 */
public final class DriftDetector {
    /** Default p-value threshold of ks, chi2 and z (Evidently StatTest.default_threshold). */
    public static final double DEFAULT_P_VALUE_THRESHOLD = 0.05;
    /** Default distance threshold of wasserstein, jensen_shannon and psi (Evidently). */
    public static final double DEFAULT_DISTANCE_THRESHOLD = 0.1;
    /** ks: D below this is negligible. */
    static final double NEGLIGIBLE_KS_D = 0.04;
    /** chi2: Cramér's V below this is negligible. */
    static final double NEGLIGIBLE_CRAMERS_V = 0.1;
    /** z: Cohen's h below this is negligible. */
    static final double NEGLIGIBLE_COHENS_H = 0.2;

    private final DriftSettings settings;

    /**
     * Creates a detector.
     *
     * @throws InputException when the threshold is not a positive number or the share threshold is not in [0, 1]
     */
    public DriftDetector(final DriftSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (settings.method() == null) {
            throw new InputException("drift method missing: expected auto, ks, chi2, z, wasserstein, "
                    + "jensen_shannon or psi");
        }
        Double threshold = settings.threshold();
        if (threshold != null && !(threshold > 0 && Double.isFinite(threshold))) {
            throw new InputException("drift threshold " + threshold + " is not allowed: expected a positive number "
                    + "(a p-value such as 0.05 for ks, chi2, z; a distance such as 0.1 for the others)");
        }
        if (!(settings.shareThreshold() >= 0 && settings.shareThreshold() <= 1)) {
            throw new InputException("drift shareThreshold " + settings.shareThreshold()
                    + " is not allowed: expected a share between 0 and 1, such as 0.5");
        }
    }

    /**
     * Tests one column.
     *
     * @throws InputException when the samples are of different kinds (numeric and categorical), when either has no
     *                        values, or when the configured method cannot test this column
     */
    public ColumnDrift compare(final ColumnSample reference, final ColumnSample current) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        requireSameKind(reference, current);
        requireValues(reference, "reference");
        requireValues(current, "current");
        DriftMethod method = settings.method() == DriftMethod.AUTO
                ? AutoSelection.choose(reference, current) : settings.method();
        double threshold = settings.threshold() != null ? settings.threshold() : defaultThreshold(method);
        TestOutcome outcome = run(method, reference, current);

        boolean negligible = false;
        boolean drifted;
        if (outcome.pValue() == null) {
            drifted = outcome.statistic() >= threshold;
        } else {
            double p = outcome.pValue();
            boolean significant = method == DriftMethod.KS ? p <= threshold : p < threshold;
            negligible = significant && outcome.effectSize() < negligibleBelow(method);
            drifted = significant && !negligible;
        }
        return new ColumnDrift(method, outcome.statistic(), outcome.pValue(), threshold, drifted,
                sampling(outcome), outcome.errorBound(), outcome.effectSize(), negligible,
                Histograms.of(reference, current));
    }

    /**
     * Tests every column present in both datasets, in the reference's column order.
     *
     * @throws InputException naming the column when one cannot be tested
     */
    public DriftReport detect(final Map<String, ? extends ColumnSample> reference,
            final Map<String, ? extends ColumnSample> current) {
        Map<String, ColumnDrift> columns = new LinkedHashMap<>();
        reference.forEach((name, sample) -> {
            ColumnSample other = current.get(name);
            if (other != null) {
                try {
                    columns.put(name, compare(sample, other));
                } catch (InputException e) {
                    throw new InputException("drift of column '" + name + "': " + e.getDetail());
                }
            }
        });
        return summarize(columns);
    }

    /** The dataset-level verdict: drifted when drifted columns / columns ≥ the share threshold (Evidently). */
    public DriftReport summarize(final Map<String, ColumnDrift> columns) {
        long drifted = columns.values().stream().filter(ColumnDrift::drifted).count();
        double share = columns.isEmpty() ? 0.0 : (double) drifted / columns.size();
        boolean datasetDrifted = !columns.isEmpty() && share >= settings.shareThreshold();
        return new DriftReport(share, settings.shareThreshold(), datasetDrifted,
                Collections.unmodifiableMap(new LinkedHashMap<>(columns)));
    }

    /** "exact", "sample" (numeric samples, with an error bound) or "sketch" (frequent-items estimates). */
    private static String sampling(final TestOutcome outcome) {
        if (outcome.exact()) {
            return "exact";
        }
        return outcome.errorBound() != null ? "sample" : "sketch";
    }

    /** Evidently's default threshold of a method. */
    static double defaultThreshold(final DriftMethod method) {
        return switch (method) {
            case KS, CHI2, Z -> DEFAULT_P_VALUE_THRESHOLD;
            case WASSERSTEIN, JENSEN_SHANNON, PSI -> DEFAULT_DISTANCE_THRESHOLD;
            case AUTO -> throw new IllegalArgumentException("auto has no threshold of its own");
        };
    }

    private static double negligibleBelow(final DriftMethod method) {
        return switch (method) {
            case KS -> NEGLIGIBLE_KS_D;
            case CHI2 -> NEGLIGIBLE_CRAMERS_V;
            case Z -> NEGLIGIBLE_COHENS_H;
            default -> throw new IllegalArgumentException(method.id() + " has no p-value");
        };
    }

    private static TestOutcome run(final DriftMethod method, final ColumnSample reference,
            final ColumnSample current) {
        return switch (method) {
            case KS -> KolmogorovSmirnov.test(numeric(reference, method), numeric(current, method));
            case WASSERSTEIN -> Wasserstein.test(numeric(reference, method), numeric(current, method));
            case CHI2 -> ChiSquare.test(Frequencies.of(reference, current, method));
            case Z -> TwoProportionZ.test(Frequencies.of(reference, current, method));
            case JENSEN_SHANNON -> JensenShannon.test(reference, current);
            case PSI -> PopulationStability.test(reference, current);
            case AUTO -> throw new IllegalArgumentException("auto must be resolved to a method first");
        };
    }

    private static NumericSample numeric(final ColumnSample sample, final DriftMethod method) {
        if (sample instanceof NumericSample numeric) {
            return numeric;
        }
        throw new InputException(method.id() + " compares numeric distributions and cannot test a categorical "
                + "column: use chi2, z, jensen_shannon or psi (or auto)");
    }

    private static void requireSameKind(final ColumnSample reference, final ColumnSample current) {
        if (reference.getClass() != current.getClass()) {
            throw new InputException("the column is " + kind(reference) + " in the reference dataset but "
                    + kind(current) + " in the current one: expected the same type in both");
        }
    }

    private static String kind(final ColumnSample sample) {
        return sample instanceof NumericSample ? "numeric" : "categorical";
    }

    private static void requireValues(final ColumnSample sample, final String dataset) {
        if (sample.count() <= 0) {
            throw new InputException("the column has no values in the " + dataset + " dataset: drift needs at "
                    + "least one non-missing value on each side (Evidently refuses empty columns too)");
        }
    }
}
