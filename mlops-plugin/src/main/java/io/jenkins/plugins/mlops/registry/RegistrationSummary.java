package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.lineage.LineageEvent;
import io.mlops.registry.RegistrationReport;
import io.mlops.report.Status;

import java.io.Serializable;

/**
 * The small result of a registration that crosses the agent channel; the full result stays in report.json.
 *
 * @param status        the outcome
 * @param summary       one sentence
 * @param name          the registered model
 * @param version       the version
 * @param alias         the alias this step set, or {@code null}
 * @param uri           {@code models:/NAME/VERSION}
 * @param created       whether this call created the version (false: this build had registered it already)
 * @param registry      where, without secrets
 * @param experimentUrl the run's experiment in the registry's UI, or {@code null}
 * @param runUrl        the run in the registry's UI, or {@code null}
 * @param versionUrl    the version in the registry's UI, or {@code null}
 * @param reportDir     where the reports were written, relative to the workspace
 * @param evaluation    the evaluation report the version was tagged from, relative to the workspace, or {@code null}
 * @param lineage       what the registration adds to the build's lineage
 */
record RegistrationSummary(Status status, String summary, String name, String version, @CheckForNull String alias,
        String uri, boolean created, String registry, @CheckForNull String experimentUrl, @CheckForNull String runUrl,
        @CheckForNull String versionUrl, String reportDir, @CheckForNull String evaluation, LineageEvent lineage)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Summarises a report, with its lineage event as the caller names the files. */
    static RegistrationSummary of(final RegistrationReport report, final String reportDir,
            @CheckForNull final String evaluation, final LineageEvent lineage) {
        var version = report.version();
        var links = report.links();
        return new RegistrationSummary(report.status(), report.summary(), version.name(), version.version(),
                report.alias(), version.uri(), report.created(), report.registry(),
                links == null ? null : links.experiment(), links == null ? null : links.run(),
                links == null ? null : links.version(), reportDir, evaluation, lineage);
    }
}
