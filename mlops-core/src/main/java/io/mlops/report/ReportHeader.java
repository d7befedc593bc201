package io.mlops.report;

import java.time.Instant;
import java.util.Objects;

/**
 * What every report starts with, whatever its kind: the top-level fields of report.json that the
 * Markdown, HTML and JUnit renderings show first.
 *
 * @param kind       the step that produced the report
 * @param status     the outcome
 * @param summary    one sentence
 * @param startedAt  when the step started
 * @param durationMs how long it took
 */
public record ReportHeader(ReportKind kind, Status status, String summary, Instant startedAt, long durationMs) {
    public ReportHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
    }
}
