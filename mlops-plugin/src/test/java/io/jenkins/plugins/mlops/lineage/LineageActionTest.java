package io.jenkins.plugins.mlops.lineage;

import hudson.model.Run;
import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;
import io.mlops.lineage.LineageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class LineageActionTest {
    private static final Instant STARTED = Instant.parse("2026-05-04T10:00:00Z");
    private static final Map<String, String> ENV = Map.of("GIT_COMMIT", "4f2c9e1", "GIT_BRANCH", "origin/main",
            "GIT_URL", "https://ci:token@git.example.com/ml/churn.git");

    @Test
    void shouldPersistEveryEventInTheBuildDirectoryAfterTheCommit(@TempDir final Path buildDir) throws IOException {
        var run = build(buildDir);

        LineageAction.record(run, ENV, validation());
        LineageAction.record(run, ENV, registration());

        var lineage = LineageFile.read(buildDir.resolve("mlops/lineage.json"));
        assertThat(lineage.events()).extracting(LineageEvent::step)
                .containsExactly("checkout", "validateData", "registerModel");
        var checkout = lineage.events().get(0);
        assertThat(checkout.facts()).containsExactly(entry(LineageEvent.GIT_COMMIT, "4f2c9e1"),
                entry(LineageEvent.GIT_BRANCH, "origin/main"),
                entry(LineageEvent.GIT_URL, "https://git.example.com/ml/churn.git"));
        assertThat(checkout.at()).isEqualTo(STARTED);
        assertThat(run.getActions(LineageAction.class)).as("one action per build").hasSize(1);
    }

    @Test
    void shouldRecordACommitAgainOnlyWhenItChanges(@TempDir final Path buildDir) throws IOException {
        var run = build(buildDir);

        LineageAction.record(run, ENV, validation());
        LineageAction.record(run, Map.of("GIT_COMMIT", "9d0e1aa"), validation());
        LineageAction.record(run, Map.of(), validation());

        assertThat(LineageAction.lineageOf(run).events()).extracting(LineageEvent::step)
                .containsExactly("checkout", "validateData", "checkout", "validateData", "validateData");
        assertThat(LineageAction.lineageOf(run).latest(LineageEvent.GIT_COMMIT)).contains("9d0e1aa");
    }

    @Test
    void shouldStartWithoutACheckoutWhenNoCommitIsKnown(@TempDir final Path buildDir) throws IOException {
        var run = build(buildDir);

        LineageAction.record(run, Map.of(), validation());

        assertThat(LineageAction.lineageOf(run).events()).containsExactly(validation());
    }

    @Test
    void shouldSummariseTheChainForTheBuildPage(@TempDir final Path buildDir) throws IOException {
        var run = build(buildDir);
        LineageAction.record(run, ENV, validation());
        LineageAction.record(run, ENV, evaluation());
        LineageAction.record(run, ENV, registration());

        var action = run.getActions(LineageAction.class).get(0);

        assertThat(action.getDisplayName()).isEqualTo("MLflow lineage");
        assertThat(action.getUrlName()).isEqualTo("mlops-lineage");
        assertThat(action.getIconFileName()).isEqualTo("symbol-project-relationship");
        assertThat(action.getCommit()).isEqualTo("4f2c9e1");
        assertThat(action.getDatasets()).containsExactly(entry("data/train.csv", "ab".repeat(32)));
        assertThat(action.getEvaluationStatus()).isEqualTo("PASSED");
        assertThat(action.getModelUri()).isEqualTo("models:/churn/3");
        assertThat(action.getModelAlias()).isEqualTo("champion");
        assertThat(action.getMlflowLinks()).containsExactly(
                new WebLink("MLflow run", "https://mlflow.example.com/#/experiments/1/runs/r1"),
                new WebLink("Model version", "https://mlflow.example.com/#/models/churn/versions/3"));
    }

    @Test
    void shouldShowTheTimelineWithHttpLinksOnly(@TempDir final Path buildDir) throws IOException {
        var run = build(buildDir);
        LineageAction.record(run, ENV, registration());

        var rows = run.getActions(LineageAction.class).get(0).getRows();

        assertThat(rows).extracting(LineageRow::step).containsExactly("checkout", "registerModel");
        var registered = rows.get(1);
        assertThat(registered.status()).isEqualTo("PASSED");
        assertThat(registered.time()).isEqualTo("2026-05-04 10:30:00 UTC");
        assertThat(registered.facts()).containsEntry(LineageEvent.MODEL_NAME, "<b>churn</b>");
        assertThat(registered.links()).extracting(WebLink::title).containsExactly("MLflow run", "Model version");
    }

    @Test
    void shouldReadTheLineageBackAfterLoadingTheBuild(@TempDir final Path buildDir) throws IOException {
        LineageAction.record(build(buildDir), ENV, validation());
        var loaded = build(buildDir);
        var action = LineageAction.of(loaded);

        action.onLoad(loaded);

        assertThat(action.getRun()).isSameAs(loaded);
        assertThat(action.getLineage().events()).extracting(LineageEvent::step)
                .containsExactly("checkout", "validateData");
    }

    @Test
    void shouldShowNothingForAMissingOrBrokenFile(@TempDir final Path buildDir) throws IOException {
        var run = build(buildDir);
        assertThat(LineageAction.lineageOf(run)).isEqualTo(Lineage.EMPTY);
        var action = LineageAction.of(run);
        Files.createDirectories(buildDir.resolve("mlops"));
        Files.writeString(buildDir.resolve("mlops/lineage.json"), "{ not json");

        assertThat(action.getRows()).isEmpty();
        assertThat(action.getModelUri()).isNull();
        assertThat(action.getMlflowLinks()).isEmpty();
    }

    @Test
    void shouldKeepEveryEventWhenParallelBranchesRecordAtOnce(@TempDir final Path buildDir) throws Exception {
        var run = build(buildDir);
        var branches = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 16; i++) {
            var event = new LineageEvent("validateData", STARTED, "PASSED", Map.of("branch", "b" + i), Map.of());
            branches.add(() -> {
                LineageAction.record(run, ENV, event);
                return null;
            });
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var done : pool.invokeAll(branches)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        var events = LineageFile.read(buildDir.resolve("mlops/lineage.json")).events();
        assertThat(run.getActions(LineageAction.class)).hasSize(1);
        assertThat(events).hasSize(17);
        assertThat(events.get(0).step()).isEqualTo("checkout");
        assertThat(events.subList(1, 17)).extracting(event -> event.fact("branch")).doesNotHaveDuplicates();
    }

    /** A build whose actions are a real list, so that the action added first is found again. */
    private static Run<?, ?> build(final Path buildDir) {
        Run<?, ?> run = mock(Run.class);
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        when(run.getStartTimeInMillis()).thenReturn(STARTED.toEpochMilli());
        var actions = new ArrayList<LineageAction>();
        when(run.getActions(LineageAction.class)).thenAnswer(invocation -> List.copyOf(actions));
        doAnswer(invocation -> actions.add(invocation.getArgument(0))).when(run).addAction(any(LineageAction.class));
        return run;
    }

    private static LineageEvent validation() {
        return new LineageEvent("validateData", STARTED.plusSeconds(60), "PASSED",
                Map.of(LineageEvent.DATASET_PATH, "data/train.csv", LineageEvent.DATASET_SHA256, "ab".repeat(32)),
                Map.of());
    }

    private static LineageEvent evaluation() {
        return new LineageEvent("evaluateModel", STARTED.plusSeconds(600), "PASSED",
                Map.of(LineageEvent.EVALUATION_STATUS, "PASSED", "metric.roc_auc", "0.91"), Map.of());
    }

    private static LineageEvent registration() {
        var facts = new LinkedHashMap<String, String>();
        facts.put(LineageEvent.MODEL_NAME, "<b>churn</b>");
        facts.put(LineageEvent.MODEL_VERSION, "3");
        facts.put(LineageEvent.MODEL_URI, "models:/churn/3");
        facts.put(LineageEvent.MODEL_ALIAS, "champion");
        facts.put(LineageEvent.GIT_COMMIT, "4f2c9e1");
        var links = new LinkedHashMap<String, String>();
        links.put("MLflow experiment", "javascript:alert(1)");
        links.put("MLflow run", "https://mlflow.example.com/#/experiments/1/runs/r1");
        links.put("Model version", "https://mlflow.example.com/#/models/churn/versions/3");
        return new LineageEvent("registerModel", Instant.parse("2026-05-04T10:30:00Z"), "PASSED", facts, links);
    }
}
