package io.jenkins.plugins.mlops.lineage;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;
import io.mlops.lineage.LineageFile;
import io.mlops.registry.BuildInfo;
import io.mlops.report.ReportKind;
import io.mlops.util.InputException;
import jenkins.model.RunAction2;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MLflow lineage of a build, one action per build: the commit, then what each mlops step used and produced (data
 * digests, the evaluation's verdict and metrics, the model version and alias), in the order the steps finished.
 * The events live in {@code <build>/mlops/lineage.json} ({@link LineageFile}: locked and replaced atomically), not
 * in build.xml, so this action has no persisted fields. Steps in parallel branches of one Pipeline append through
 * the same instance, one at a time.
 */
public final class LineageAction implements RunAction2 {
    /** The step name of the first event: the commit the build ran on. */
    static final String CHECKOUT = "checkout";
    private static final Logger LOGGER = Logger.getLogger(LineageAction.class.getName());

    private transient Run<?, ?> run;
    private transient Lineage lineage;

    private LineageAction(final Run<?, ?> run) {
        this.run = run;
    }

    /**
     * Records a step's event on a build, after a {@code checkout} event with the build's commit, branch and
     * repository when the lineage does not name that commit yet.
     *
     * @param run   the build
     * @param env   the build's environment ({@code GIT_COMMIT}, {@code GIT_BRANCH}, {@code GIT_URL})
     * @param event the step's event
     * @throws IOException when the build directory cannot be written
     */
    public static void record(final Run<?, ?> run, final Map<String, String> env, final LineageEvent event)
            throws IOException {
        of(run).append(checkout(BuildInfo.fromEnvironment(env), run), event);
    }

    /** The lineage of a build so far; empty when no step has recorded anything. */
    public static Lineage lineageOf(final Run<?, ?> run) {
        var actions = run.getActions(LineageAction.class);
        return actions.isEmpty() ? Lineage.EMPTY : actions.get(0).getLineage();
    }

    /** The action of a build, added on first use: one lock for all builds, held only while looking. */
    static LineageAction of(final Run<?, ?> run) {
        synchronized (LineageAction.class) {
            var actions = run.getActions(LineageAction.class);
            if (!actions.isEmpty()) {
                return actions.get(0);
            }
            var action = new LineageAction(run);
            run.addAction(action);
            return action;
        }
    }

    @CheckForNull
    private static LineageEvent checkout(final BuildInfo build, final Run<?, ?> run) {
        if (build.gitCommit() == null) {
            return null;
        }
        var facts = new LinkedHashMap<String, String>();
        facts.put(LineageEvent.GIT_COMMIT, build.gitCommit());
        facts.put(LineageEvent.GIT_BRANCH, build.gitBranch());
        facts.put(LineageEvent.GIT_URL, build.gitUrl());
        return new LineageEvent(CHECKOUT, Instant.ofEpochMilli(run.getStartTimeInMillis()), "PASSED", facts,
                Map.of());
    }

    /**
     * Appends the events. The commit is compared with the lineage this action holds, which is the file's: only this
     * action writes it, one append at a time.
     */
    synchronized void append(@CheckForNull final LineageEvent checkout, final LineageEvent event)
            throws IOException {
        var file = file();
        if (checkout != null && !checkout.fact(LineageEvent.GIT_COMMIT)
                .equals(getLineage().latest(LineageEvent.GIT_COMMIT).orElse(null))) {
            lineage = LineageFile.append(file, checkout);
        }
        lineage = LineageFile.append(file, event);
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-project-relationship";
    }

    @Override
    public String getDisplayName() {
        return "MLflow lineage";
    }

    @Override
    public String getUrlName() {
        return "mlops-lineage";
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /**
     * Returns the events, reading lineage.json on first use; an unreadable file is read (and logged) once, not on
     * every page that shows the lineage.
     *
     * @return the lineage, empty when the file is missing or unreadable
     */
    public synchronized Lineage getLineage() {
        if (lineage == null) {
            try {
                lineage = LineageFile.read(file());
            } catch (InputException e) {
                LOGGER.log(Level.WARNING, "No lineage shown for {0}: {1}", new Object[] {run, e.getMessage()});
                lineage = Lineage.EMPTY;
            }
        }
        return lineage;
    }

    /** The timeline: one row per event, oldest first. */
    public List<LineageRow> getRows() {
        return getLineage().events().stream().map(LineageRow::of).toList();
    }

    /** The commit the build ran on, or {@code null} when no step knew it. */
    @CheckForNull
    public String getCommit() {
        return getLineage().latest(LineageEvent.GIT_COMMIT).orElse(null);
    }

    /** The datasets the build validated: SHA-256 by path. */
    public Map<String, String> getDatasets() {
        return getLineage().datasetDigests();
    }

    /** The verdict of the build's latest evaluation, or {@code null}. */
    @CheckForNull
    public String getEvaluationStatus() {
        return getLineage().latest(LineageEvent.EVALUATION_STATUS).orElse(null);
    }

    /** The model version the build registered last ({@code models:/NAME/VERSION}), or {@code null}. */
    @CheckForNull
    public String getModelUri() {
        return registration().map(event -> event.fact(LineageEvent.MODEL_URI)).orElse(null);
    }

    /** The alias that the build's last registration set, or {@code null}. */
    @CheckForNull
    public String getModelAlias() {
        return registration().map(event -> event.fact(LineageEvent.MODEL_ALIAS)).orElse(null);
    }

    /** The MLflow experiment, run and model version of the build's last registration, http(s) only. */
    public List<WebLink> getMlflowLinks() {
        return registration().map(event -> WebLink.of(event.links())).orElse(List.of());
    }

    private Optional<LineageEvent> registration() {
        return getLineage().latestOf(ReportKind.MODEL_REGISTRATION.step());
    }

    private Path file() {
        return BuildReports.directory(run.getRootDir()).resolve(LineageFile.NAME);
    }
}
