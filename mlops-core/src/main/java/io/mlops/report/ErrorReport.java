package io.mlops.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The report of a run that ended with {@link Status#ERROR} (bad input, bad configuration, unreachable
 * service) before it could produce its kind's result. Front ends write it so that CI never shows a stale or
 * passing report for a run that failed; report.json holds the top-level fields of every kind only.
 *
 * @param kind       the step that failed
 * @param summary    the one-line cause, as printed by the front end
 * @param startedAt  when the step started
 * @param durationMs how long it ran before failing
 */
@JsonPropertyOrder({"schemaVersion", "kind", "status", "summary", "startedAt", "durationMs"})
public record ErrorReport(ReportKind kind, String summary, Instant startedAt, long durationMs) {
    public ErrorReport {
        Objects.requireNonNull(kind, "kind");
        summary = summary == null || summary.isBlank() ? "the step failed without a message" : summary;
    }

    /** The report of a step that started at {@code startedAt} and failed now. */
    public static ErrorReport since(final ReportKind kind, final String summary, final Instant startedAt) {
        return new ErrorReport(kind, summary, startedAt,
                Math.max(0, Duration.between(startedAt, Instant.now()).toMillis()));
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return 1;
    }

    @JsonProperty("status")
    public Status status() {
        return Status.ERROR;
    }

    /** The fields every rendering starts with. */
    public ReportHeader header() {
        return new ReportHeader(kind, Status.ERROR, summary, startedAt, durationMs);
    }
}
