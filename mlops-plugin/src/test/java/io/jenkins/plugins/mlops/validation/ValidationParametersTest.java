package io.jenkins.plugins.mlops.validation;

import io.mlops.data.DataFormat;
import io.mlops.util.InputException;
import io.mlops.validation.ValidationRequest;
import io.mlops.validation.drift.DriftMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationParametersTest {
    @Test
    void shouldTranslateEveryParameterIntoTheEngineRequest(@TempDir final Path workspace) {
        var parameters = new ValidationParameters("data/train.csv", "data/schema.yaml", "data/reference.csv", "CSV",
                "out/validation", "KS", 0.01);

        var request = parameters.toRequest(workspace);

        assertThat(request).isEqualTo(new ValidationRequest(workspace.resolve("data/train.csv"),
                workspace.resolve("data/schema.yaml"), workspace.resolve("data/reference.csv"), DataFormat.CSV,
                workspace.resolve("out/validation"), DriftMethod.KS, 0.01));
    }

    @Test
    void shouldLeaveUnsetParametersToTheEngineAndReportIntoTheDefaultDirectory(@TempDir final Path workspace) {
        var parameters = new ValidationParameters(" train.jsonl ", null, "  ", "", null, null, null);

        var request = parameters.toRequest(workspace);

        assertThat(request).isEqualTo(ValidationRequest.of(workspace.resolve("train.jsonl"), null)
                .withReportDir(workspace.resolve("mlops-reports/validate-data")));
    }

    @Test
    void shouldRequireADataset(@TempDir final Path workspace) {
        var parameters = new ValidationParameters(" ", null, null, null, null, null, null);

        assertThatThrownBy(() -> parameters.toRequest(workspace))
                .isInstanceOf(InputException.class)
                .hasMessage("data: no dataset given: expected a CSV, JSON Lines or Parquet file in the workspace");
    }

    @Test
    void shouldRejectEveryPathParameterThatLeavesTheWorkspace(@TempDir final Path workspace) {
        assertThatThrownBy(() -> new ValidationParameters("../train.csv", null, null, null, null, null, null)
                .toRequest(workspace)).hasMessageStartingWith("data: '../train.csv' is outside the workspace");
        assertThatThrownBy(() -> new ValidationParameters("train.csv", "/etc/schema.yaml", null, null, null, null,
                null).toRequest(workspace)).hasMessageStartingWith("schema: '/etc/schema.yaml' is outside");
        assertThatThrownBy(() -> new ValidationParameters("train.csv", null, "../../ref.csv", null, null, null,
                null).toRequest(workspace)).hasMessageStartingWith("reference: '../../ref.csv' is outside");
        assertThatThrownBy(() -> new ValidationParameters("train.csv", null, null, null, "..", null, null)
                .toRequest(workspace)).hasMessageStartingWith("reportDir: '..' is outside");
    }

    @Test
    void shouldRejectUnknownFormatsAndDriftMethodsWithTheEngineMessage(@TempDir final Path workspace) {
        assertThatThrownBy(() -> new ValidationParameters("train.csv", null, null, "xlsx", null, null, null)
                .toRequest(workspace)).isInstanceOf(InputException.class).hasMessageContaining("unknown format 'xlsx'");
        assertThatThrownBy(() -> new ValidationParameters("train.csv", null, null, null, null, "t-test", null)
                .toRequest(workspace)).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown drift method 't-test'");
    }

    @Test
    void shouldExpandBuildVariablesInTextParametersOnly() {
        var parameters = new ValidationParameters("${DIR}/train.csv", "${DIR}/schema.yaml", null, null,
                "reports/${BUILD}", null, 0.2);

        var expanded = parameters.expand(text -> text.replace("${DIR}", "data").replace("${BUILD}", "7"));

        assertThat(expanded).isEqualTo(new ValidationParameters("data/train.csv", "data/schema.yaml", null, null,
                "reports/7", null, 0.2));
    }

    @Test
    void shouldDescribeWhatIsValidatedAgainstWhat() {
        assertThat(new ValidationParameters("train.csv", "schema.yaml", "ref.csv", null, null, null, null).describe())
                .isEqualTo("train.csv against schema schema.yaml with reference ref.csv");
        assertThat(new ValidationParameters("train.csv", null, null, null, null, null, null).describe())
                .isEqualTo("train.csv");
    }
}
