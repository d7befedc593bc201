package io.mlops.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CurvesTest {
    private static final boolean[] ACTUAL = {true, true, false, false, true, false};
    private static final double[] SCORE = {0.9, 0.4, 0.35, 0.8, 0.7, 0.1};

    @Test
    void shouldTraceRocFromTheOriginToTheCorner() {
        // when
        var roc = Curves.roc(RankedScores.of(SCORE), ACTUAL);

        // then: thresholds 0.9 (P), 0.8 (N), 0.7 (P), 0.4 (P), 0.35 (N), 0.1 (N)
        assertThat(roc.x()).containsExactly(0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1);
        assertThat(roc.y()).containsExactly(0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1, 1);
    }

    @Test
    void shouldTracePrecisionAgainstRecall() {
        // when
        var pr = Curves.precisionRecall(RankedScores.of(SCORE), ACTUAL);

        // then
        assertThat(pr.x()).containsExactly(0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1, 1);
        assertThat(pr.y()[3]).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(pr.y()[6]).isEqualTo(0.5);
    }

    @Test
    void shouldBinScoresByDecileForCalibration() {
        // when
        var calibration = Curves.calibration(ACTUAL, SCORE);

        // then: deciles 1 (0.1), 3 (0.35), 4 (0.4), 7 (0.7), 8 (0.8), 9 (0.9)
        assertThat(calibration.x()).containsExactly(0.1, 0.35, 0.4, 0.7, 0.8, 0.9);
        assertThat(calibration.y()).containsExactly(0, 0, 1, 1, 0, 1);
    }

    @Test
    void shouldThinLongCurvesKeepingBothEnds() {
        // given
        var x = new double[10_001];
        var y = new double[10_001];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 10_000.0;
            y[i] = Math.sqrt(x[i]);
        }

        // when
        var thin = Curves.thin(x, y);

        // then
        assertThat(thin.x()).hasSize(Curves.MAX_POINTS);
        assertThat(thin.x()[0]).isZero();
        assertThat(thin.x()[Curves.MAX_POINTS - 1]).isEqualTo(1.0);
    }
}
