package io.jenkins.plugins.mlops.lineage;

import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.lineage.LineageEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class WorkspaceLineageTest {
    @Test
    void shouldNameFilesInsideTheWorkspaceRelativeToItAndKeepEverythingElse(@TempDir final Path workspace) {
        var facts = new LinkedHashMap<String, String>();
        facts.put(LineageEvent.DATASET_SHA256, "ab".repeat(32));
        facts.put(LineageEvent.DATASET_PATH, workspace.resolve("data/train.csv").toString());
        facts.put(LineageEvent.REFERENCE_PATH, "/srv/reference/2024.csv");
        facts.put(LineageEvent.PREDICTIONS_PATH, workspace.resolve("eval/../eval/candidate.csv").toString());
        facts.put(LineageEvent.BASELINE, "models:/churn@champion");
        facts.put(LineageEvent.MODEL_SOURCE, workspace.resolve("model").toString());
        var event = new LineageEvent("validateData", Instant.EPOCH, "PASSED", facts, Map.of("run", "http://x"));

        var relative = WorkspaceLineage.relative(event, new WorkspacePaths(workspace));

        assertThat(relative.facts()).containsExactly(entry(LineageEvent.DATASET_SHA256, "ab".repeat(32)),
                entry(LineageEvent.DATASET_PATH, "data/train.csv"),
                entry(LineageEvent.REFERENCE_PATH, "/srv/reference/2024.csv"),
                entry(LineageEvent.PREDICTIONS_PATH, "eval/candidate.csv"),
                entry(LineageEvent.BASELINE, "models:/churn@champion"),
                entry(LineageEvent.MODEL_SOURCE, workspace.resolve("model").toString()));
        assertThat(relative.step()).isEqualTo("validateData");
        assertThat(relative.at()).isEqualTo(Instant.EPOCH);
        assertThat(relative.links()).isEqualTo(event.links());
    }
}
