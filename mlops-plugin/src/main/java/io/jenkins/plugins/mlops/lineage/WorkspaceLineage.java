package io.jenkins.plugins.mlops.lineage;

import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.lineage.LineageEvent;

import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Names the files of a lineage event as users know them, relative to the workspace, on the agent where the engine
 * saw them by absolute path: lineage pages and the registry's tags then read {@code data/train.csv} rather than an
 * agent's workspace directory, which differs between agents and builds.
 */
public final class WorkspaceLineage {
    private static final Set<String> PATHS = Set.of(LineageEvent.DATASET_PATH, LineageEvent.REFERENCE_PATH,
            LineageEvent.PREDICTIONS_PATH, LineageEvent.BASELINE);

    private WorkspaceLineage() {
    }

    /**
     * Rewrites the path facts of an event relative to a workspace; paths outside it stay as they are.
     *
     * @param event the engine's event
     * @param paths the workspace
     * @return the event with workspace-relative paths
     */
    public static LineageEvent relative(final LineageEvent event, final WorkspacePaths paths) {
        var facts = new LinkedHashMap<String, String>();
        event.facts().forEach((key, value) -> facts.put(key, PATHS.contains(key) ? paths.display(value) : value));
        return new LineageEvent(event.step(), event.at(), event.status(), facts, event.links());
    }
}
