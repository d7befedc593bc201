package io.mlops.validation;

import io.mlops.data.DatasetInfo;
import io.mlops.report.DisplayValues;
import io.mlops.report.ReportHeader;
import io.mlops.report.ReportKind;
import io.mlops.validation.drift.ColumnDrift;
import io.mlops.validation.drift.DriftReport;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The wording and ordering that report.md, report.html and junit.xml of a validation share, so that the three
 * renderings say the same thing in the same order.
 */
final class ValidationReportText {
    /** The {@code column} shown for dataset-level checks. */
    static final String DATASET = "dataset";

    private ValidationReportText() {
    }

    /** How a check turned out for people: a failed warning is not a failure. */
    enum Outcome {
        FAILED("failed"), ERROR("error"), WARNING("warning"), INCONCLUSIVE("inconclusive"), PASSED("passed");

        private final String label;

        Outcome(final String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Outcome of(final CheckResult check) {
            return switch (check.status()) {
                case PASSED -> PASSED;
                case FAILED -> check.severity() == Severity.WARNING ? WARNING : FAILED;
                case ERROR -> ERROR;
                case INCONCLUSIVE -> INCONCLUSIVE;
            };
        }
    }

    /** How a drift-tested column turned out. */
    enum DriftVerdict {
        DRIFTED("drifted"), NEGLIGIBLE("negligible shift"), STABLE("no drift");

        private final String label;

        DriftVerdict(final String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static DriftVerdict of(final ColumnDrift drift) {
            if (drift.drifted()) {
                return DRIFTED;
            }
            return drift.negligible() ? NEGLIGIBLE : STABLE;
        }
    }

    static ReportHeader header(final ValidationReport report) {
        return new ReportHeader(ReportKind.DATA_VALIDATION, report.status(), report.summary(), report.startedAt(),
                report.durationMs());
    }

    /** Every check, failures first, then errors, warnings, inconclusive and passes; schema order within each. */
    static List<CheckResult> checksWorstFirst(final ValidationReport report) {
        return checks(report).stream().sorted(Comparator.comparing(Outcome::of)).toList();
    }

    static List<CheckResult> checksWith(final ValidationReport report, final Outcome outcome) {
        return checks(report).stream().filter(c -> Outcome.of(c) == outcome).toList();
    }

    static List<CheckResult> checks(final ValidationReport report) {
        return report.checks() == null ? List.of() : report.checks();
    }

    static Map<String, ColumnProfile> columns(final ValidationReport report) {
        return report.columns() == null ? Map.of() : report.columns();
    }

    /** "3 checks: 1 failed, 1 warning, 1 passed." */
    static String checkCounts(final ValidationReport report) {
        var checks = checks(report);
        var byOutcome = checks.stream().collect(Collectors.groupingBy(Outcome::of, Collectors.counting()));
        var parts = byOutcome.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
        return checks.size() + (checks.size() == 1 ? " check" : " checks") + (parts.isEmpty() ? "." : ": " + parts + ".");
    }

    static String where(final CheckResult check) {
        return check.column() == null ? DATASET : check.column();
    }

    /** "data.csv (csv, 10,000 rows × 12 columns, SHA-256 3f2a…)". */
    static String datasetLine(final DatasetInfo dataset) {
        return dataset.path() + " (" + dataset.format() + ", " + DisplayValues.count(dataset.rows()) + " rows × "
                + dataset.columns() + " columns" + (dataset.sha256() == null ? "" : ", SHA-256 " + dataset.sha256())
                + ")";
    }

    /** "2 of 5 columns drifted (40%); the dataset drifts at 50%: no dataset drift." */
    static String driftSummary(final DriftReport drift) {
        long drifted = drift.columns().values().stream().filter(ColumnDrift::drifted).count();
        long negligible = drift.columns().values().stream().filter(c -> !c.drifted() && c.negligible()).count();
        return drifted + " of " + drift.columns().size() + " compared columns drifted ("
                + DisplayValues.percent(drift.share()) + "); the dataset drifts at "
                + DisplayValues.percent(drift.shareThreshold()) + ": "
                + (drift.drifted() ? "dataset drift." : "no dataset drift.")
                + (negligible == 0 ? "" : " " + negligible + (negligible == 1 ? " column shows" : " columns show")
                + " a statistically significant but negligible shift, not counted as drift.");
    }

    /** The test in one line: "ks statistic 0.1234, p-value 0.0012 (drift below 0.05)". */
    static String driftTest(final ColumnDrift drift) {
        var text = new StringBuilder(drift.method().id()).append(" statistic ")
                .append(DisplayValues.number(drift.statistic()));
        if (drift.pValue() != null) {
            text.append(", p-value ").append(DisplayValues.number(drift.pValue())).append(" (drift below ")
                    .append(DisplayValues.number(drift.threshold())).append(')');
        }
        else {
            text.append(" (drift at or above ").append(DisplayValues.number(drift.threshold())).append(')');
        }
        if (drift.effectSize() != null) {
            text.append(", effect size ").append(DisplayValues.number(drift.effectSize()));
        }
        return text.toString();
    }

    /** "exact", "sketch", or "sample (rank error ±0.0089)". */
    static String sampling(final ColumnDrift drift) {
        if (drift.sampling() == null) {
            return DisplayValues.NONE;
        }
        return drift.errorBound() == null ? drift.sampling()
                : drift.sampling() + " (rank error ±" + DisplayValues.number(drift.errorBound()) + ")";
    }

    /** "12 (1.2%)". */
    static String missing(final ColumnProfile profile) {
        long total = profile.count() + profile.missing();
        return DisplayValues.count(profile.missing())
                + (total == 0 || profile.missing() == 0 ? "" : " (" + DisplayValues.percent((double) profile.missing() / total) + ")");
    }

    /** "p1 0.5 · p50 3 · p99 9.8". */
    static String quantiles(final ColumnProfile profile) {
        if (profile.quantiles() == null || profile.quantiles().isEmpty()) {
            return DisplayValues.NONE;
        }
        return profile.quantiles().entrySet().stream()
                .map(q -> quantileLabel(q.getKey()) + " " + DisplayValues.of(q.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /** "US (512) · DE (300)", the first {@code limit} top values. */
    static String topValues(final ColumnProfile profile, final int limit) {
        if (profile.topValues() == null || profile.topValues().isEmpty()) {
            return DisplayValues.NONE;
        }
        return profile.topValues().stream().limit(limit)
                .map(v -> v.value() + " (" + DisplayValues.count(v.count()) + ")")
                .collect(Collectors.joining(" · "));
    }

    /** "0.01" becomes "p1", "0.5" "p50", "0.999" "p99.9"; other keys stay as they are. */
    static String quantileLabel(final String key) {
        try {
            return "p" + new BigDecimal(key).movePointRight(2).stripTrailingZeros().toPlainString();
        }
        catch (NumberFormatException e) {
            return key;
        }
    }
}
