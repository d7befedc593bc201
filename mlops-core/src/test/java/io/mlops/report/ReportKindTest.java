package io.mlops.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportKindTest {
    @Test
    void shouldParseTheKindsOfTheContract() {
        assertThat(ReportKind.of("data-validation")).isEqualTo(ReportKind.DATA_VALIDATION);
        assertThat(ReportKind.of("model-evaluation").step()).isEqualTo("evaluateModel");
        assertThat(ReportKind.of("model-registration").step()).isEqualTo("registerModel");
        assertThat(ReportKind.of("training").step()).isEqualTo("trainModel");
        assertThat(ReportKind.of("canary").step()).isEqualTo("canaryDeploy");
    }

    @Test
    void shouldRefuseUnknownKinds() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportKind.of("Data-Validation"))
                .withMessageContaining("expected data-validation");
    }
}
