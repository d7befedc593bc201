package io.mlops.evaluation;

import io.mlops.report.Status;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatesTest {
    private static final String FILE = "gates.yaml";

    @Test
    void shouldReadMetricSliceAndFairnessGates() {
        // when
        var gates = GatesFile.parse(FILE, """
                roc_auc: {threshold: 0.8, min_absolute_change: 0.005, greater_is_better: true, confidence: 0.95}
                log_loss: {min_relative_change: 0.1, higher_is_better: false}
                slices:
                  region: {accuracy_score: {threshold: 0.7, greater_is_better: true}}
                fairness:
                  gender: {disparate_impact: {threshold: 0.8, greater_is_better: true}}
                """);

        // then
        assertThat(gates.metrics()).containsExactly(
                new MetricGate("roc_auc", 0.8, 0.005, null, true, 0.95),
                new MetricGate("log_loss", null, null, 0.1, false, null));
        assertThat(gates.slices().get("region")).containsExactly(
                new MetricGate("accuracy_score", 0.7, null, null, true, null));
        assertThat(gates.fairness().get("gender")).extracting(MetricGate::metric).containsExactly("disparate_impact");
    }

    @Test
    void shouldRejectWhatMlflowRejectsNamingLineAndColumn() {
        assertThatThrownBy(() -> GatesFile.parse(FILE, "f1_score: {threshold: 0.5}\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("gates.yaml, line 1, column 11: invalid gates file: at f1_score: "
                        + "greater_is_better must be given (true or false)");
        assertThatThrownBy(() -> GatesFile.parse(FILE, "f1_score:\n  greater_is_better: true\n  min_absolute_change: -1\n"))
                .hasMessageContaining("line 3, column 24").hasMessageContaining("must be a positive number");
        assertThatThrownBy(() -> GatesFile.parse(FILE, "f1_score: {min_relative_change: 5, greater_is_better: true}\n"))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> GatesFile.parse(FILE, "f1_score: {greater_is_better: true}\n"))
                .hasMessageContaining("no threshold");
        assertThatThrownBy(() -> GatesFile.parse(FILE, "f1_score: {treshold: 1, greater_is_better: true}\n"))
                .hasMessageContaining("unknown key 'treshold'");
        assertThatThrownBy(() -> GatesFile.parse(FILE, "f1_score: {threshold: [1, 2}\n"))
                .hasMessageContaining("YAML syntax");
    }

    @Test
    void shouldDecideThresholdsAndChangesAsMlflow() {
        // given
        var gate = new MetricGate("accuracy_score", 0.8, 0.01, 0.05, true, null);
        var lowerIsBetter = new MetricGate("log_loss", 0.5, 0.02, null, false, null);

        // then: 0.9 ≥ 0.8, 0.9 − 0.85 ≥ 0.01, (0.9 − 0.85) / 0.85 ≥ 0.05
        assertThat(GateCheck.check(gate, null, 0.9, 0.85, null).status()).isEqualTo(Status.PASSED);
        // relative change 0.03 / 0.85 < 0.05
        assertThat(GateCheck.check(gate, null, 0.88, 0.85, null).status()).isEqualTo(Status.FAILED);
        assertThat(GateCheck.check(lowerIsBetter, null, 0.40, 0.43, null).status()).isEqualTo(Status.PASSED);
        assertThat(GateCheck.check(lowerIsBetter, null, 0.42, 0.43, null).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void shouldPassFailOrStayInconclusiveOnTheInterval() {
        // given: improvement must be ≥ 0.01 at 95%
        var gate = new MetricGate("roc_auc", null, 0.01, null, true, 0.95);
        var clear = PairedBootstrap.Differences.of(range(0.02, 0.04));
        var below = PairedBootstrap.Differences.of(range(-0.01, 0.005));
        var straddling = PairedBootstrap.Differences.of(range(0.0, 0.03));

        // then
        assertThat(GateCheck.check(gate, null, 0.83, 0.80, clear).status()).isEqualTo(Status.PASSED);
        assertThat(GateCheck.check(gate, null, 0.80, 0.80, below).status()).isEqualTo(Status.FAILED);
        var inconclusive = GateCheck.check(gate, null, 0.815, 0.80, straddling);
        assertThat(inconclusive.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(inconclusive.message()).contains("straddles");
        assertThat(GateCheck.check(gate, null, 0.9, 0.8, null).status()).isEqualTo(Status.INCONCLUSIVE);
    }

    @Test
    void shouldOrientTheIntervalForLowerIsBetter() {
        // given: log loss must drop by ≥ 0.01; differences candidate − baseline of −0.05 to −0.02
        var gate = new MetricGate("log_loss", null, 0.01, null, false, 0.9);

        // then
        assertThat(GateCheck.check(gate, null, 0.40, 0.44, PairedBootstrap.Differences.of(range(-0.05, -0.02)))
                .status()).isEqualTo(Status.PASSED);
    }

    private static double[] range(final double from, final double to) {
        var values = new double[101];
        for (int i = 0; i <= 100; i++) {
            values[i] = from + (to - from) * i / 100;
        }
        return values;
    }
}
