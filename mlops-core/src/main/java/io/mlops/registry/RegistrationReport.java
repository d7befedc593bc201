package io.mlops.registry;

import io.mlops.lineage.LineageEvent;
import io.mlops.report.ReportHeader;
import io.mlops.report.ReportKind;
import io.mlops.report.Status;

import java.time.Instant;
import java.util.Map;

/**
 * The result of {@code registerModel} (report.json kind {@code model-registration}).
 *
 * @param status     PASSED (registered, or found registered by this build)
 * @param summary    one sentence
 * @param startedAt  when the step started
 * @param durationMs how long it took
 * @param registry   where ({@link ModelRegistry#describe()})
 * @param version    the version
 * @param created    whether this run created it (false: the build had registered it already)
 * @param alias      the alias now pointing at it, or {@code null}
 * @param experimentId the experiment of its run, or {@code null}
 * @param links      links to the experiment, run and version in the registry's UI
 * @param lineage    this step's lineage event
 */
public record RegistrationReport(Status status, String summary, Instant startedAt, long durationMs,
        String registry, RegistryVersion version, boolean created, String alias, String experimentId,
        ModelRegistry.Links links, LineageEvent lineage) {
    public static final int SCHEMA_VERSION = 1;

    /** The header every report kind shares. */
    public ReportHeader header() {
        return new ReportHeader(ReportKind.MODEL_REGISTRATION, status, summary, startedAt, durationMs);
    }

    /** The tags of the version. */
    public Map<String, String> tags() {
        return version.tags();
    }
}
