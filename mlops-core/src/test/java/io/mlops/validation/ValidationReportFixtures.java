package io.mlops.validation;

import io.mlops.data.DatasetInfo;
import io.mlops.report.Status;
import io.mlops.validation.drift.ColumnDrift;
import io.mlops.validation.drift.DriftMethod;
import io.mlops.validation.drift.DriftReport;
import io.mlops.validation.drift.Histogram;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validation reports for tests: a realistic one and one whose user data tries to break every output format. */
final class ValidationReportFixtures {
    static final String SCRIPT_COLUMN = "<script>alert(1)</script>";
    static final String IMG_VALUE = "\"><img src=x onerror=alert(1)>";
    static final String AMPERSAND_PATH = "/data/R&D/train & test.csv";
    static final String MARKDOWN_COLUMN = "a|b `code`\nsecond line";
    static final Instant STARTED = Instant.parse("2025-03-01T12:00:00.250Z");

    private ValidationReportFixtures() {
    }

    /** A failed validation with one failed error check, one failed warning, passes and drift. */
    static ValidationReport typical() {
        var checks = List.of(
                new CheckResult("rows", null, Severity.ERROR, Status.PASSED, 1200, Map.of("min", 1000),
                        "1,200 rows, at least 1,000 expected."),
                new CheckResult("type", "age", Severity.ERROR, Status.PASSED, "integer", "integer", null),
                new CheckResult("max", "age", Severity.ERROR, Status.FAILED, 130, 120,
                        "age is 130 in row 17, at most 120 expected."),
                new CheckResult("maxMissingFraction", "income", Severity.WARNING, Status.FAILED, 0.08, 0.05,
                        "income is missing in 8% of rows, at most 5% expected."),
                new CheckResult("allowed", "country", Severity.ERROR, Status.PASSED, List.of("US", "DE"),
                        List.of("US", "DE", "FR"), null));
        var columns = new LinkedHashMap<String, ColumnProfile>();
        columns.put("age", new ColumnProfile(ColumnType.INTEGER, 1200, 0, 80, 18, 130, 41.5, 12.25,
                quantiles(19, 30, 41, 52, 77), null));
        columns.put("income", new ColumnProfile(ColumnType.NUMBER, 1104, 96, 1090, 0.0, 250000.5, 52000.75,
                21000.0, quantiles(1000, 30000, 50000, 70000, 180000), null));
        columns.put("country", new ColumnProfile(ColumnType.STRING, 1200, 0, 2, "DE", "US", null, null, null,
                List.of(new ValueCount("US", 800), new ValueCount("DE", 400))));
        var drift = new LinkedHashMap<String, ColumnDrift>();
        drift.put("age", new ColumnDrift(DriftMethod.KS, 0.21, 0.0004, 0.05, true, "exact", null, 0.21, false,
                new Histogram(List.of("[18, 30)", "[30, 45)", "[45, 60)", "[60, 131)"), List.of(300L, 400L, 200L, 100L),
                        List.of(200L, 350L, 400L, 250L))));
        drift.put("income", new ColumnDrift(DriftMethod.WASSERSTEIN, 0.02, null, 0.1, false, "sketch", 0.0013, null,
                false, null));
        drift.put("country", new ColumnDrift(DriftMethod.CHI2, 9.2, 0.002, 0.05, false, "exact", null, 0.01, true,
                new Histogram(List.of("US", "DE"), List.of(8000L, 4000L), List.of(780L, 420L))));
        return new ValidationReport(Status.FAILED, "1 of 5 checks failed: max(age).", STARTED, 1534,
                new DatasetInfo("data/current.csv", "csv", 1200, 3, "ab".repeat(32)),
                new DatasetInfo("data/reference.csv", "csv", 12000, 3, "cd".repeat(32)),
                checks, columns, new DriftReport(1.0 / 3, 0.5, false, drift));
    }

    /** A report whose column names, values, messages and paths are hostile to HTML, Markdown and XML. */
    static ValidationReport hostile() {
        var checks = List.of(
                new CheckResult("allowed", SCRIPT_COLUMN, Severity.ERROR, Status.FAILED, IMG_VALUE,
                        List.of("a", "b"), "value " + IMG_VALUE + " in row 3 of " + AMPERSAND_PATH + " is not allowed."),
                new CheckResult("pattern", MARKDOWN_COLUMN, Severity.WARNING, Status.FAILED, "x|y", "^[a-z]+$",
                        "row 9: `x|y`\nis <b>bold</b> @everyone"),
                new CheckResult("rows", null, Severity.ERROR, Status.PASSED, 3, 1, "ok \u0001 control & ]]> end"));
        var columns = new LinkedHashMap<String, ColumnProfile>();
        columns.put(SCRIPT_COLUMN, new ColumnProfile(ColumnType.STRING, 3, 0, 2, "a", IMG_VALUE, null, null, null,
                List.of(new ValueCount(IMG_VALUE, 2), new ValueCount("a", 1))));
        columns.put(MARKDOWN_COLUMN, new ColumnProfile(ColumnType.NUMBER, 3, 0, 3, 1.0, 3.0, Double.NaN,
                Double.POSITIVE_INFINITY, quantiles(1, 1, 2, 3, 3), null));
        var drift = new LinkedHashMap<String, ColumnDrift>();
        drift.put(SCRIPT_COLUMN, new ColumnDrift(DriftMethod.CHI2, 12.5, 0.0001, 0.05, true, "exact", null, 0.4,
                false, new Histogram(List.of(IMG_VALUE, "<b>a</b>"), List.of(10L, 5L), List.of(2L, 13L))));
        return new ValidationReport(Status.FAILED, "allowed(" + SCRIPT_COLUMN + ") failed", STARTED, 12,
                new DatasetInfo(AMPERSAND_PATH, "csv", 3, 2, "ef".repeat(32)),
                new DatasetInfo("<ref>&.csv", "csv", 15, 2, null), checks, columns,
                new DriftReport(1.0, 0.5, true, drift));
    }

    private static Map<String, Double> quantiles(final double... values) {
        var keys = List.of("0.01", "0.25", "0.5", "0.75", "0.99");
        var quantiles = new LinkedHashMap<String, Double>();
        for (int i = 0; i < keys.size(); i++) {
            quantiles.put(keys.get(i), values[i]);
        }
        return quantiles;
    }
}
