package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mlops.data.DatasetInfo;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.ReportKind;
import io.mlops.report.Status;
import io.mlops.validation.drift.DriftReport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code validateData}, serialised as report.json (kind {@code data-validation}).
 *
 * @param status     PASSED, FAILED (an error-severity check failed)
 * @param summary    one sentence
 * @param startedAt  when validation started
 * @param durationMs how long it took
 * @param dataset    the validated dataset
 * @param reference  the reference dataset, or null
 * @param checks     every check, in schema order
 * @param columns    the profile of every column of the dataset, in file order
 * @param drift      drift against the reference, or null without a reference
 */
@JsonPropertyOrder({"schemaVersion", "kind", "status", "summary", "startedAt", "durationMs", "dataset", "reference",
        "checks", "columns", "drift"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ValidationReport(Status status, String summary, Instant startedAt, long durationMs,
        DatasetInfo dataset, DatasetInfo reference, List<CheckResult> checks, Map<String, ColumnProfile> columns,
        DriftReport drift) {
    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return 1;
    }

    @JsonProperty("kind")
    public String kind() {
        return ReportKind.DATA_VALIDATION.id();
    }

    /** The failed checks of error severity. */
    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> c.failed() && c.severity() == Severity.ERROR).toList();
    }

    /** The names of the drifted columns, in column order. */
    public List<String> driftedColumns() {
        if (drift == null) {
            return List.of();
        }
        return drift.columns().entrySet().stream().filter(e -> e.getValue().drifted()).map(Map.Entry::getKey).toList();
    }

    /**
     * What this validation adds to the build's lineage: the SHA-256, path and row count of the dataset and the
     * digest and path of the reference, so that a model registered later names the exact data it came from.
     */
    public LineageEvent lineageEvent() {
        var facts = new LinkedHashMap<String, String>();
        if (dataset != null) {
            facts.put(LineageEvent.DATASET_SHA256, dataset.sha256());
            facts.put(LineageEvent.DATASET_PATH, dataset.path());
            facts.put(LineageEvent.DATASET_ROWS, Long.toString(dataset.rows()));
        }
        if (reference != null) {
            facts.put(LineageEvent.REFERENCE_SHA256, reference.sha256());
            facts.put(LineageEvent.REFERENCE_PATH, reference.path());
        }
        return new LineageEvent(ReportKind.DATA_VALIDATION.step(), startedAt.plusMillis(durationMs), status.name(),
                facts, Map.of());
    }
}
