package io.mlops.training;

import io.mlops.registry.BuildInfo;
import io.mlops.registry.LocalRegistry;
import io.mlops.report.BrowserTestBase;
import io.mlops.training.local.LocalRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens a real local training's report.html in headless Chromium: it renders the training facts, the MLflow-style
 * links of the local registry's run, the attempts and the spec; a command with markup in it stays text, an
 * environment value is not shown at all; and the browser logs nothing (no script errors, no Content-Security-Policy violations).
 */
class TrainingReportBrowserIT extends BrowserTestBase {
    @Test
    void shouldRenderTheTrainingAndHostileValuesAsText() throws Exception {
        // given: a failing training whose command and environment carry markup
        var spec = new TrainingSpec("churn", null, List.of("sh", "-c", "echo '<img src=x onerror=alert(1)>'; exit 3"),
                null, Map.of("NOTE", "<script>alert(2)</script>"), Map.of(), null, null, null, Duration.ofMinutes(1),
                0, Map.of(), "churn");
        var reports = temp.resolve("reports");
        var request = new TrainingRequest(spec, null, new BuildInfo("it/1", null, "browser test", null, null, null),
                reports);
        var report = TrainModel.run(request, new LocalRegistry(temp.resolve("registry")),
                new TrainingLoop(new LocalRunner(temp, System.getenv()), line -> { }));
        assertThat(report.status().name()).isEqualTo("FAILED");

        // when
        var page = chromium.render(reports.resolve("report.html"), temp);

        // then
        var dom = page.quietDom();
        assertThat(dom).doesNotContain("<img")
                .contains("<td>Command</td><td>sh -c 'echo '\\''&lt;img src=x onerror=alert(1)&gt;'\\''; exit 3'</td>");
        // environment values are the Job's business: the report names the variables only
        assertThat(dom).doesNotContain("alert(2)").contains("<td>Environment</td><td>NOTE</td>");
        assertThat(dom).contains("<table class=\"attempts\">", "<table class=\"spec\">")
                .contains("the training command exited with code 3").contains("<td>Timeout</td><td>1 min 00 s</td>");
    }
}
