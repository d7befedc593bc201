package io.mlops.validation.drift;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Columns over the exact-value budget: 2M against 2M values, each known through a uniform sample of 133,333 (the
 * default budget of 2 million values shared by 15 numeric columns). A uniform sample of iid normal values is itself
 * iid normal, so the samples are drawn directly.
 */
class SampledDriftTest {
    private static final int ROWS = 2_000_000;
    private static final int SAMPLE = 133_333;
    private static final DriftDetector KS = new DriftDetector(new DriftSettings(DriftMethod.KS, null, 0.5));

    private static NumericSample reference;
    private static NumericSample sameDistribution;
    private static NumericSample shiftedByFifthSigma;
    private static NumericSample shiftedByTwentiethSigma;

    @BeforeAll
    static void sampleTwoMillionValuesPerColumn() {
        reference = normalSample(31, 0.0);
        sameDistribution = normalSample(32, 0.0);
        shiftedByFifthSigma = normalSample(33, 0.2);
        shiftedByTwentiethSigma = normalSample(34, 0.05);
    }

    @Test
    void shouldDetectDriftOfDEightHundredthsFromSamples() {
        // given: a 0.2 sigma shift, D = 2 Phi(0.1) - 1 = 0.0797

        // when
        ColumnDrift drift = KS.compare(reference, shiftedByFifthSigma);

        // then
        assertThat(drift.sampling()).isEqualTo("sample");
        assertThat(drift.errorBound()).isEqualTo(2 * SortedValues.sampleRankError(SAMPLE));
        assertThat(drift.errorBound()).isBetween(0.0089, 0.0090);
        assertThat(drift.statistic()).isCloseTo(0.0797, org.assertj.core.data.Offset.offset(drift.errorBound()));
        assertThat(drift.pValue()).isLessThan(1e-100);
        assertThat(drift.drifted()).isTrue();
        assertThat(drift.negligible()).isFalse();
    }

    @Test
    void shouldNotFlagSamplesOfTheSameDistribution() {
        // when
        ColumnDrift drift = KS.compare(reference, sameDistribution);

        // then
        assertThat(drift.statistic()).isLessThan(drift.errorBound());
        assertThat(drift.pValue()).isEqualTo(1.0);
        assertThat(drift.drifted()).isFalse();
    }

    @Test
    void shouldCallATinyShiftSeenInSamplesNegligible() {
        // given: a 0.05 sigma shift, D = 2 Phi(0.025) - 1 = 0.020: beyond the sampling error, below a meaningful effect

        // when
        ColumnDrift drift = KS.compare(reference, shiftedByTwentiethSigma);

        // then
        assertThat(drift.pValue()).isLessThan(0.05);
        assertThat(drift.negligible()).isTrue();
        assertThat(drift.drifted()).isFalse();
    }

    @Test
    void shouldComputeDistancesAndHistogramsFromSamples() {
        // given
        DriftDetector auto = new DriftDetector(DriftSettings.DEFAULT);

        // when
        ColumnDrift wasserstein = auto.compare(reference, shiftedByFifthSigma);
        ColumnDrift jensenShannon = new DriftDetector(new DriftSettings(DriftMethod.JENSEN_SHANNON, null, 0.5))
                .compare(reference, shiftedByFifthSigma);
        ColumnDrift psi = new DriftDetector(new DriftSettings(DriftMethod.PSI, null, 0.5))
                .compare(reference, sameDistribution);

        // then: a 0.2 sigma shift of a unit normal has normed Wasserstein distance 0.2
        assertThat(wasserstein.method()).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(wasserstein.sampling()).isEqualTo("sample");
        assertThat(wasserstein.statistic()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(wasserstein.drifted()).isTrue();
        assertThat(jensenShannon.statistic()).isBetween(0.04, 0.08);
        // sparse outer bins, whose shares the samples cannot resolve, are pooled: PSI noise stays near 0.001
        assertThat(psi.statistic()).isLessThan(0.01);
        assertThat(psi.drifted()).isFalse();
        assertThat(wasserstein.histogram().labels()).hasSize(Histograms.BINS);
        assertThat(wasserstein.histogram().reference().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
        assertThat(wasserstein.histogram().current().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
    }

    private static NumericSample normalSample(final long seed, final double mean) {
        return Samples.sampledOf(ROWS, Samples.normal(seed, SAMPLE, mean, 1.0));
    }
}
