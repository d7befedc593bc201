package io.mlops.evaluation;

import io.mlops.report.Status;
import io.mlops.util.NumberText;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides one gate as MLflow's {@code validate_evaluation_results} does, and with {@code confidence} from the
 * bootstrap interval of the paired difference instead of the point difference.
 *
 * <p>The relative change is measured against |baseline| (MLflow divides by the signed baseline, which reverses
 * the rule for a negative baseline such as an R² below 0); a baseline of exactly 0 asks the candidate to be
 * better by 1e-10, as MLflow does.
 */
final class GateCheck {
    /** MLflow's stand-in bound when the baseline is 0. */
    private static final double ZERO_BASELINE_MARGIN = 1e-10;

    private GateCheck() {
    }

    /**
     * @param gate        the gate
     * @param scope       what was measured, for the result (null for the whole set)
     * @param candidate   the candidate's value
     * @param baseline    the baseline's value, or null without a baseline
     * @param differences the bootstrap distribution of candidate − baseline, or null without paired predictions
     */
    static GateResult check(final MetricGate gate, final String scope, final double candidate, final Double baseline,
            final PairedBootstrap.Differences differences) {
        var verdicts = new ArrayList<Status>();
        var reasons = new ArrayList<String>();
        if (gate.threshold() != null) {
            boolean ok = gate.greaterIsBetter() ? candidate >= gate.threshold() : candidate <= gate.threshold();
            verdicts.add(ok ? Status.PASSED : Status.FAILED);
            reasons.add(gate.metric() + " = " + number(candidate) + (ok ? " meets " : " misses ")
                    + (gate.greaterIsBetter() ? "≥ " : "≤ ") + number(gate.threshold()));
        }
        if (gate.comparesWithBaseline()) {
            if (baseline == null) {
                throw new IllegalArgumentException("gate on " + gate.metric() + " compares with a missing baseline");
            }
            if (gate.minAbsoluteChange() != null) {
                change(gate, candidate, baseline, differences, gate.minAbsoluteChange(), "absolute", verdicts, reasons);
            }
            if (gate.minRelativeChange() != null) {
                double bound = baseline == 0 ? ZERO_BASELINE_MARGIN : gate.minRelativeChange() * Math.abs(baseline);
                change(gate, candidate, baseline, differences, bound, "relative", verdicts, reasons);
            }
        }
        return new GateResult(gate.metric(), scope, gate.rule(), combine(verdicts), String.join("; ", reasons));
    }

    /**
     * A change rule: the candidate must be better than the baseline by at least {@code bound} (on the metric's
     * scale, oriented so that better is positive).
     */
    private static void change(final MetricGate gate, final double candidate, final double baseline,
            final PairedBootstrap.Differences differences, final double bound, final String kind,
            final List<Status> verdicts, final List<String> reasons) {
        double sign = gate.greaterIsBetter() ? 1 : -1;
        double improvement = sign * (candidate - baseline);
        if (gate.confidence() == null) {
            boolean ok = improvement >= bound;
            verdicts.add(ok ? Status.PASSED : Status.FAILED);
            reasons.add("improvement " + number(improvement) + (ok ? " ≥ " : " < ") + number(bound) + " (" + kind
                    + ", baseline " + number(baseline) + ")");
            return;
        }
        if (differences == null || differences.sorted().length == 0) {
            verdicts.add(Status.INCONCLUSIVE);
            reasons.add("a " + percent(gate.confidence()) + " interval needs the baseline's predictions on the same "
                    + "rows (--baseline-predictions); only its metrics were given");
            return;
        }
        var interval = differences.interval(gate.confidence());
        double low = Math.min(sign * interval[0], sign * interval[1]);
        double high = Math.max(sign * interval[0], sign * interval[1]);
        Status verdict = low >= bound ? Status.PASSED : high < bound ? Status.FAILED : Status.INCONCLUSIVE;
        verdicts.add(verdict);
        reasons.add("improvement " + number(improvement) + ", " + percent(gate.confidence()) + " interval ["
                + number(low) + ", " + number(high) + "] " + switch (verdict) {
                    case PASSED -> "clears ";
                    case FAILED -> "lies below ";
                    default -> "straddles ";
                } + number(bound) + " (" + kind + ")");
    }

    /** FAILED if any rule failed, else INCONCLUSIVE if any was, else PASSED. */
    static Status combine(final List<Status> verdicts) {
        if (verdicts.contains(Status.FAILED)) {
            return Status.FAILED;
        }
        return verdicts.contains(Status.INCONCLUSIVE) ? Status.INCONCLUSIVE : Status.PASSED;
    }

    private static String number(final double value) {
        return String.format(NumberText.LOCALE, "%.4g", value);
    }

    private static String percent(final double confidence) {
        return String.format(NumberText.LOCALE, "%.3g%%", confidence * 100);
    }
}
