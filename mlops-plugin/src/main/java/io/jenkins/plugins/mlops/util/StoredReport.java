package io.jenkins.plugins.mlops.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The full report of one step call as a build action sees it: read from its file in the build directory (see
 * {@link BuildReports}) on first use and held weakly, so that build pages of old builds cost no memory. Actions
 * keep it in a transient field and create it again after loading.
 *
 * @param <T> the engine's report type
 */
public final class StoredReport<T> {
    private static final Logger LOGGER = Logger.getLogger(StoredReport.class.getName());

    private final String kind;
    private final String id;
    private final Class<T> type;
    private WeakReference<T> cached;

    /**
     * Refers to a report.
     *
     * @param kind the kind given to {@link BuildReports}
     * @param id   the id from {@link BuildReports#newId()}
     * @param type the engine's report type
     */
    public StoredReport(final String kind, final String id, final Class<T> type) {
        this.kind = kind;
        this.id = id;
        this.type = type;
    }

    /**
     * Returns the report, reading it on first use.
     *
     * @param run the build it belongs to
     * @return the report, or {@code null} when its file is missing or unreadable
     */
    @CheckForNull
    public synchronized T get(final Run<?, ?> run) {
        var report = cached == null ? null : cached.get();
        if (report != null) {
            return report;
        }
        try {
            report = new BuildReports(run.getRootDir(), kind).read(id, type);
            cached = new WeakReference<>(report);
            return report;
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "No readable report " + id, e);
            return null;
        }
    }
}
