package io.jenkins.plugins.mlops.util;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class WebLinkTest {
    @Test
    void shouldKeepOnlyHttpAndHttpsLinksInTheirOrder() {
        var titled = new LinkedHashMap<String, String>();
        titled.put("run", "https://mlflow.example.com/#/experiments/1/runs/abc");
        titled.put("script", "javascript:alert(1)");
        titled.put("missing", null);
        titled.put("file", "file:///etc/passwd");
        titled.put("plain", "HTTP://mlflow.local:5000/");
        titled.put("relative", "//evil.example.com");

        assertThat(WebLink.of(titled)).containsExactly(
                new WebLink("run", "https://mlflow.example.com/#/experiments/1/runs/abc"),
                new WebLink("plain", "HTTP://mlflow.local:5000/"));
    }
}
