package io.mlops.registry;

import io.mlops.lineage.Lineage;
import io.mlops.report.BrowserTestBase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens a real registration's report.html (local registry) in headless Chromium: the model version and its tags
 * render, a description and a tag with markup in them stay text, and the browser logs nothing.
 */
class RegistrationReportBrowserIT extends BrowserTestBase {
    @Test
    void shouldRenderTheVersionAndHostileValuesAsText() throws Exception {
        // given
        var model = Files.createDirectories(temp.resolve("model"));
        Files.writeString(model.resolve("model.json"), "{}");
        var reports = temp.resolve("reports");
        var request = new RegistrationRequest("churn", model, null, null, null, "challenger",
                "<img src=x onerror=alert(1)>", Map.of("team", "<script>alert(2)</script>"), null, Lineage.EMPTY,
                new BuildInfo("it/1", null, "browser test", null, null, null), reports);
        RegisterModel.run(request, new LocalRegistry(temp.resolve("registry")));

        // when
        var page = chromium.render(reports.resolve("report.html"), temp);

        // then
        var dom = page.quietDom();
        assertThat(dom).doesNotContain("<img").contains("&lt;script&gt;alert(2)&lt;/script&gt;");
        assertThat(dom).contains("<table class=\"tags\">").contains("models:/churn/1");
    }
}
