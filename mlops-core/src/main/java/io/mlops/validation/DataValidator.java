package io.mlops.validation;

import io.mlops.data.DataFormat;
import io.mlops.data.DatasetInfo;
import io.mlops.report.ErrorReportWriter;
import io.mlops.report.ReportKind;
import io.mlops.report.Status;
import io.mlops.util.InputException;
import io.mlops.util.NumberText;
import io.mlops.validation.drift.ColumnDrift;
import io.mlops.validation.drift.DriftDetector;
import io.mlops.validation.drift.DriftReport;
import io.mlops.validation.drift.DriftSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The validateData engine: streams the dataset once (and the reference once, at the same time) in bounded memory,
 * profiles and checks every column against the schema, tests drift against the reference, and writes the reports.
 */
public final class DataValidator {
    /**
     * Exact values kept per dataset for drift tests, over all numeric columns: 2 million (16 MB of doubles), or a
     * sixteenth of the heap when that is smaller, so that a small heap (-Xmx64m) never runs out. A column with more
     * than its share keeps a uniform random sample of up to its share instead.
     */
    public static final int EXACT_VALUE_BUDGET = (int) Math.min(2_000_000, Runtime.getRuntime().maxMemory() / 16 / 8);
    /** The smallest drift sample of a column, however many numeric columns share the budget (rank error ≈ 0.05). */
    static final int MIN_DRIFT_VALUES = 1024;
    private static final int PROFILE_SKETCH_K = 200;

    /** What a pass over a dataset is for. */
    private enum Pass {
        /** The dataset: profile and checks. */
        PROFILE(true, false),
        /** The dataset when there is a reference: profile, checks and drift values. */
        PROFILE_AND_DRIFT(true, true),
        /** The reference: drift values only (no quantiles, no constraints, no uniqueness). */
        DRIFT(false, true);

        private final boolean profiled;
        private final boolean drift;

        Pass(final boolean profiled, final boolean drift) {
            this.profiled = profiled;
            this.drift = drift;
        }
    }

    private final int exactValueBudget;

    public DataValidator() {
        this(EXACT_VALUE_BUDGET);
    }

    /**
     * A validator with its own exact-value budget (0: drift tests on samples for columns over
     * {@value #MIN_DRIFT_VALUES} values).
     */
    public DataValidator(final int exactValueBudget) {
        this.exactValueBudget = exactValueBudget;
    }

    /**
     * Validates a dataset and, when the request names a report directory, writes the reports there. When the
     * input is bad or the run is interrupted, the report directory gets an ERROR report instead, so that no stale
     * or partial report is ever taken for a result.
     *
     * @throws InputException        for bad input or configuration
     * @throws IllegalStateException when the thread is interrupted (an aborted build); the interrupt status stays set
     */
    public ValidationReport validate(final ValidationRequest request, final ProgressListener progress)
            throws IOException {
        return ErrorReportWriter.unlessResult(ReportKind.DATA_VALIDATION, request.reportDir(), "input",
                started -> run(request, progress, started));
    }

    private ValidationReport run(final ValidationRequest request, final ProgressListener progress,
            final Instant started) throws IOException {
        long start = System.nanoTime();
        var schema = request.schema() == null ? DataSchema.EMPTY : SchemaFile.read(request.schema());
        var format = formatOf(request, request.data());
        // Both headers first: a missing or unreadable reference fails before the long pass over the data.
        var header = HeaderProbe.columns(request.data(), format);
        boolean drift = request.reference() != null;
        var referenceFormat = drift ? formatOf(request, request.reference()) : null;
        var referenceHeader = drift ? HeaderProbe.columns(request.reference(), referenceFormat) : null;
        var types = columnTypes(schema, header, request.data(), format);
        DatasetProfile current;
        DatasetProfile reference = null;
        if (drift) {
            // both files at once: see BackgroundPass
            var both = new CombinedProgress(progress, request.data(), request.reference(),
                    new long[] {Files.size(request.data()), Files.size(request.reference())});
            try (var referencePass = BackgroundPass.start(() -> profile(request.reference(), referenceFormat,
                    referenceHeader, schema, types, Pass.DRIFT, both.part(1)), "mlops-reference")) {
                current = profile(request.data(), format, header, schema, types, Pass.PROFILE_AND_DRIFT,
                        both.part(0));
                reference = referencePass.join();
            }
        }
        else {
            current = profile(request.data(), format, header, schema, types, Pass.PROFILE, progress);
        }
        var uniques = confirmUniques(request.data(), format, current, progress);
        var checks = new ArrayList<>(ColumnChecks.of(schema, current, uniques));
        DatasetInfo referenceInfo = null;
        DriftReport driftReport = null;
        if (drift) {
            referenceInfo = reference.info();
            driftReport = drift(request, schema, reference, current);
            checks.add(driftCheck(driftReport));
        }
        var columns = new LinkedHashMap<String, ColumnProfile>();
        for (ColumnStats stats : current.stats()) {
            columns.put(stats.plan().name(), stats.profile());
        }
        var status = checks.stream().anyMatch(c -> c.failed() && c.severity() == Severity.ERROR)
                ? Status.FAILED : Status.PASSED;
        long durationMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        var report = new ValidationReport(status, summary(current, checks, driftReport), started, durationMs,
                current.info(), referenceInfo, List.copyOf(checks), columns, driftReport);
        if (request.reportDir() != null) {
            ValidationReportWriter.write(report, request.reportDir());
        }
        return report;
    }

    private static DataFormat formatOf(final ValidationRequest request, final Path file) {
        return request.format() != null ? request.format() : DataFormat.of(file, null);
    }

    /** The declared types, with the undeclared columns' types inferred by a first pass when there are any. */
    private static Map<String, ColumnType> columnTypes(final DataSchema schema, final List<String> header,
            final Path data, final DataFormat format) throws IOException {
        var declared = new HashMap<String, ColumnType>();
        schema.columns().forEach((name, spec) -> {
            if (spec.type() != null) {
                declared.put(name, spec.type());
            }
        });
        if (declared.keySet().containsAll(header)) {
            return declared;
        }
        var types = new HashMap<>(TypeSniffer.sniff(data, format));
        types.putAll(declared);
        return types;
    }

    private DatasetProfile profile(final Path file, final DataFormat format, final List<String> header,
            final DataSchema schema, final Map<String, ColumnType> types, final Pass pass,
            final ProgressListener progress) throws IOException {
        // a reference is kept only for drift tests: its columns carry no constraints to check
        var plans = plan(header, pass.profiled ? schema : DataSchema.EMPTY, types);
        long numeric = plans.stream().filter(ColumnPlan::travelsAsNumber).count();
        int perColumn = pass.drift ? (int) Math.max(MIN_DRIFT_VALUES, exactValueBudget / Math.max(1, numeric)) : 0;
        int sketchK = pass.profiled ? PROFILE_SKETCH_K : 0;
        var stats = new ArrayList<ColumnStats>();
        for (ColumnPlan plan : plans) {
            var spec = plan.spec();
            var unique = spec != null && spec.isUnique() ? new UniqueValues() : null;
            stats.add(ColumnStats.of(plan, sketchK, perColumn, unique));
        }
        var outcome = ProfilePass.run(file, format, plans, batch -> stats.forEach(s -> s.accept(batch)), progress);
        for (ColumnStats s : stats) {
            if (s.unique() != null) {
                s.unique().finish();
            }
        }
        var typeViolations = outcome.plans().stream()
                .map(plan -> outcome.visitor().typeViolations(plan.index())).toList();
        var info = new DatasetInfo(file.toString(), format.id(), outcome.rows(), outcome.plans().size(),
                outcome.sha256());
        return new DatasetProfile(info, outcome.plans(), List.copyOf(stats), typeViolations);
    }

    private static List<ColumnPlan> plan(final List<String> header, final DataSchema schema,
            final Map<String, ColumnType> types) {
        var plans = new ArrayList<ColumnPlan>();
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i);
            var type = types.getOrDefault(name, ColumnType.STRING);
            plans.add(new ColumnPlan(i, name, type, schema.columns().get(name)));
        }
        return plans;
    }

    /** Confirms the uniqueness candidates on real values with a second pass, only when there are any. */
    private static Map<String, ColumnChecks.UniqueOutcome> confirmUniques(final Path file, final DataFormat format,
            final DatasetProfile profile, final ProgressListener progress) throws IOException {
        var outcomes = new HashMap<String, ColumnChecks.UniqueOutcome>();
        var confirmations = new ArrayList<UniqueConfirmation>();
        for (ColumnStats stats : profile.stats()) {
            var unique = stats.unique();
            if (unique == null) {
                continue;
            }
            unique.close();
            if (unique.candidates().length > 0) {
                confirmations.add(new UniqueConfirmation(stats.plan(), unique.candidates()));
            }
            else {
                outcomes.put(stats.plan().name(), new ColumnChecks.UniqueOutcome(0, true, null));
            }
        }
        if (confirmations.isEmpty()) {
            return outcomes;
        }
        Consumer<RowBatch> confirm = batch -> confirmations.forEach(c -> c.accept(batch));
        ProfilePass.run(file, format, profile.plans(), confirm, progress);
        for (UniqueConfirmation confirmation : confirmations) {
            var name = confirmation.plan().name();
            var unique = profile.stats(name).unique();
            boolean complete = unique.candidates().length < UniqueValues.MAX_CANDIDATES;
            long rows = complete ? confirmation.confirmedRows() : Math.max(confirmation.confirmedRows(),
                    unique.duplicateRows());
            outcomes.put(name, new ColumnChecks.UniqueOutcome(rows, complete, confirmation.example()));
        }
        return outcomes;
    }

    private DriftReport drift(final ValidationRequest request, final DataSchema schema,
            final DatasetProfile reference, final DatasetProfile current) {
        var spec = schema.driftSpec();
        var method = request.driftMethod() != null ? request.driftMethod() : spec.method();
        var threshold = request.driftThreshold() != null ? request.driftThreshold() : spec.threshold();
        var settings = new DriftSettings(method == null ? DriftSettings.DEFAULT.method() : method, threshold,
                spec.shareThreshold() == null ? DriftSettings.DEFAULT.shareThreshold() : spec.shareThreshold());
        var detector = new DriftDetector(settings);
        var results = new LinkedHashMap<String, ColumnDrift>();
        for (String column : driftColumns(spec, reference, current)) {
            results.put(column, detector.compare(reference.stats(column).sample(), current.stats(column).sample()));
        }
        return detector.summarize(results);
    }

    private static List<String> driftColumns(final DriftSpec spec, final DatasetProfile reference,
            final DatasetProfile current) {
        var shared = current.columnNames().stream().filter(c -> reference.stats(c) != null).toList();
        if (spec.columns() != null) {
            for (String column : spec.columns()) {
                if (!shared.contains(column)) {
                    throw new InputException("drift column '" + column + "' is not in both the data ("
                            + current.info().path() + ") and the reference (" + reference.info().path() + ")");
                }
            }
            return spec.columns();
        }
        // Timestamps move and keys (unique: true) differ by nature; compare them only when the schema lists them.
        return shared.stream().filter(c -> {
            var plan = current.stats(c).plan();
            return plan.type() != ColumnType.TIMESTAMP && (plan.spec() == null || !plan.spec().isUnique());
        }).toList();
    }

    private static CheckResult driftCheck(final DriftReport drift) {
        var drifted = drift.columns().entrySet().stream().filter(e -> e.getValue().drifted())
                .map(Map.Entry::getKey).toList();
        var message = String.format(NumberText.LOCALE, "%d of %d columns drifted (share %.2f, dataset drifts at %.2f)%s",
                drifted.size(), drift.columns().size(), drift.share(), drift.shareThreshold(),
                drifted.isEmpty() ? "" : ": " + String.join(", ", drifted));
        return new CheckResult("drift", null, Severity.ERROR, drift.drifted() ? Status.FAILED : Status.PASSED,
                Math.round(drift.share() * 1e4) / 1e4, "< " + drift.shareThreshold(), message);
    }

    private static String summary(final DatasetProfile current, final List<CheckResult> checks,
            final DriftReport drift) {
        var failed = checks.stream().filter(c -> c.failed() && c.severity() == Severity.ERROR).toList();
        var text = new StringBuilder(String.format(NumberText.LOCALE, "%,d rows, %d columns: ",
                current.info().rows(), current.info().columns()));
        if (failed.isEmpty()) {
            text.append("all ").append(checks.size()).append(" checks passed");
        }
        else {
            text.append(failed.size()).append(" of ").append(checks.size()).append(" checks failed (")
                    .append(failed.stream().limit(5).map(c -> c.column() == null ? c.name()
                            : c.name() + "(" + c.column() + ")").collect(Collectors.joining(", ")))
                    .append(failed.size() > 5 ? ", ..." : "").append(')');
        }
        long warnings = checks.stream().filter(c -> c.failed() && c.severity() == Severity.WARNING).count();
        if (warnings > 0) {
            text.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        if (drift != null) {
            long drifted = drift.columns().values().stream().filter(ColumnDrift::drifted).count();
            text.append("; ").append(drifted).append(" of ").append(drift.columns().size())
                    .append(" columns drifted");
        }
        return text.append('.').toString();
    }
}
