package io.jenkins.plugins.mlops.validation;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.ReportJson;
import io.mlops.report.Status;
import io.mlops.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ValidateOnAgentTest {
    private static final String SCHEMA = """
            columns:
              id:  {type: integer, nullable: false, unique: true}
              age: {type: integer, nullable: false, min: 18, max: 120}
            rows: {min: 1}
            """;

    @Test
    void shouldSummariseASmallCsvThroughTheEngine(@TempDir final Path workspace) throws IOException {
        write(workspace.resolve("data/train.csv"), "id,age\n1,34\n2,51\n3,27\n");
        write(workspace.resolve("data/schema.yaml"), SCHEMA);
        var parameters = new ValidationParameters("data/train.csv", "data/schema.yaml", null, null, null, null, null);

        var summary = new ValidateOnAgent(parameters, listener()).invoke(workspace.toFile(), null);

        assertThat(summary.status()).isEqualTo(Status.PASSED);
        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary.failedChecks()).isZero();
        assertThat(summary.reportDir()).isEqualTo("mlops-reports/validate-data");
        assertThat(workspace.resolve("mlops-reports/validate-data"))
                .isDirectoryContaining("glob:**/report.json").isDirectoryContaining("glob:**/junit.xml");
        var written = ReportJson.read(workspace.resolve("mlops-reports/validate-data/report.json"),
                ValidationReport.class);
        assertThat(written.dataset().rows()).as("what the build action reads back").isEqualTo(3);
        assertThat(summary.lineage().step()).isEqualTo("validateData");
        assertThat(summary.lineage().fact(LineageEvent.DATASET_PATH)).as("relative to the workspace")
                .isEqualTo("data/train.csv");
        assertThat(summary.lineage().fact(LineageEvent.DATASET_SHA256)).isEqualTo(written.dataset().sha256());
        assertThat(summary.lineage().fact(LineageEvent.DATASET_ROWS)).isEqualTo("3");
    }

    @Test
    void shouldNameTheFailedChecksOfABadCsv(@TempDir final Path workspace) throws IOException {
        write(workspace.resolve("train.csv"), "id,age\n1,34\n2,12\n3,27\n");
        write(workspace.resolve("schema.yaml"), SCHEMA);
        var parameters = new ValidationParameters("train.csv", "schema.yaml", null, null, "out", null, null);

        var summary = new ValidateOnAgent(parameters, listener()).invoke(workspace.toFile(), null);

        assertThat(summary.status()).isEqualTo(Status.FAILED);
        assertThat(summary.failedCheckNames()).containsExactly("min(age)");
        assertThat(summary.reportDir()).isEqualTo("out");
    }

    @Test
    void shouldTurnBadInputIntoAOneLineAbort(@TempDir final Path workspace) {
        var parameters = new ValidationParameters("../train.csv", null, null, null, null, null, null);
        var callable = new ValidateOnAgent(parameters, listener());

        assertThatThrownBy(() -> callable.invoke(workspace.toFile(), null))
                .isInstanceOf(AbortException.class)
                .hasMessage("validateData: data: '../train.csv' is outside the workspace: "
                        + "expected a path relative to the workspace that stays inside it");
    }

    private static TaskListener listener() {
        var listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return listener;
    }

    private static void write(final Path file, final String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
