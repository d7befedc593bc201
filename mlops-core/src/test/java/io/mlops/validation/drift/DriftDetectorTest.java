package io.mlops.validation.drift;

import io.mlops.stats.Tolerance;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriftDetectorTest {
    private static final DriftDetector AUTO = new DriftDetector(DriftSettings.DEFAULT);

    @Test
    void shouldFlagDriftWhenMeanShiftsByOneSigma() {
        // given: 500 rows (auto picks ks) and 5000 rows (auto picks normed wasserstein)
        NumericSample smallReference = Samples.numeric(Samples.normal(1, 500, 10, 2));
        NumericSample smallCurrent = Samples.numeric(Samples.normal(2, 500, 12, 2));
        NumericSample largeReference = Samples.numeric(Samples.normal(3, 5000, 10, 2));
        NumericSample largeCurrent = Samples.numeric(Samples.normal(4, 5000, 12, 2));

        // when
        ColumnDrift small = AUTO.compare(smallReference, smallCurrent);
        ColumnDrift large = AUTO.compare(largeReference, largeCurrent);

        // then
        assertThat(small.method()).isEqualTo(DriftMethod.KS);
        assertThat(small.drifted()).isTrue();
        assertThat(small.pValue()).isLessThan(1e-20);
        assertThat(small.statistic()).isBetween(0.3, 0.45);
        assertThat(small.negligible()).isFalse();
        assertThat(small.threshold()).isEqualTo(0.05);
        assertThat(small.sampling()).isEqualTo("exact");
        assertThat(small.errorBound()).isNull();
        assertThat(large.method()).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(large.drifted()).isTrue();
        assertThat(large.statistic()).isBetween(0.9, 1.1);
        assertThat(large.pValue()).isNull();
        assertThat(large.effectSize()).isNull();
        assertThat(large.threshold()).isEqualTo(0.1);
    }

    @Test
    void shouldNotFlagDriftForTwoSamplesFromTheSameDistribution() {
        // given
        NumericSample smallReference = Samples.numeric(Samples.normal(5, 800, 0, 1));
        NumericSample smallCurrent = Samples.numeric(Samples.normal(6, 700, 0, 1));
        NumericSample largeReference = Samples.numeric(Samples.normal(7, 20_000, 0, 1));
        NumericSample largeCurrent = Samples.numeric(Samples.normal(8, 20_000, 0, 1));
        CategoricalSample colours = Samples.categorical("red", 300, "green", 200, "blue", 100);
        CategoricalSample sameColours = Samples.categorical("red", 290, "green", 205, "blue", 95);

        // when
        ColumnDrift small = AUTO.compare(smallReference, smallCurrent);
        ColumnDrift large = AUTO.compare(largeReference, largeCurrent);
        ColumnDrift categorical = AUTO.compare(colours, sameColours);
        ColumnDrift largeKs = new DriftDetector(new DriftSettings(DriftMethod.KS, null, 0.5))
                .compare(largeReference, largeCurrent);

        // then
        assertThat(small.drifted()).isFalse();
        assertThat(small.pValue()).isGreaterThan(0.05);
        assertThat(large.drifted()).isFalse();
        assertThat(large.statistic()).isLessThan(0.05);
        assertThat(categorical.method()).isEqualTo(DriftMethod.CHI2);
        assertThat(categorical.drifted()).isFalse();
        assertThat(largeKs.drifted()).isFalse();
    }

    @Test
    void shouldReportTinyShiftsOnHugeSamplesAsNegligibleInsteadOfDrifted() {
        // given: 200K vs 200K values shifted by 0.03 sigma; 10M rows whose category shares move by 0.3 points;
        // 2M rows whose binary share moves from 50% to 50.5%
        DriftDetector ks = new DriftDetector(new DriftSettings(DriftMethod.KS, null, 0.5));
        DriftDetector z = new DriftDetector(new DriftSettings(DriftMethod.Z, null, 0.5));
        NumericSample reference = Samples.numeric(Samples.normal(9, 200_000, 0, 1));
        NumericSample current = Samples.numeric(Samples.normal(10, 200_000, 0.03, 1));
        CategoricalSample categories = Samples.categorical("a", 4_000_000, "b", 3_000_000, "c", 3_000_000);
        CategoricalSample shiftedCategories = Samples.categorical("a", 4_030_000, "b", 2_990_000, "c", 2_980_000);
        CategoricalSample binary = Samples.categorical("no", 1_000_000, "yes", 1_000_000);
        CategoricalSample shiftedBinary = Samples.categorical("no", 990_000, "yes", 1_010_000);

        // when
        ColumnDrift ksDrift = ks.compare(reference, current);
        ColumnDrift chi2Drift = AUTO.compare(Samples.categorical("a", 400, "b", 300, "c", 300),
                Samples.categorical("a", 403, "b", 299, "c", 298));
        ColumnDrift hugeChi2 = new DriftDetector(new DriftSettings(DriftMethod.CHI2, null, 0.5))
                .compare(categories, shiftedCategories);
        ColumnDrift zDrift = z.compare(binary, shiftedBinary);

        // then
        assertThat(ksDrift.pValue()).isLessThan(1e-10);
        assertThat(ksDrift.effectSize()).isLessThan(DriftDetector.NEGLIGIBLE_KS_D);
        assertThat(ksDrift.negligible()).isTrue();
        assertThat(ksDrift.drifted()).isFalse();
        assertThat(chi2Drift.negligible()).isFalse();
        assertThat(chi2Drift.drifted()).isFalse();
        assertThat(hugeChi2.pValue()).isLessThan(1e-50);
        assertThat(hugeChi2.effectSize()).isLessThan(0.01);
        assertThat(hugeChi2.negligible()).isTrue();
        assertThat(hugeChi2.drifted()).isFalse();
        assertThat(zDrift.pValue()).isLessThan(1e-20);
        assertThat(zDrift.effectSize()).isLessThan(0.05);
        assertThat(zDrift.negligible()).isTrue();
        assertThat(zDrift.drifted()).isFalse();
    }

    @Test
    void shouldNotCallARealShiftOnAHugeSampleNegligible() {
        // given: 200K vs 200K values shifted by 0.25 sigma (D about 0.1)
        DriftDetector ks = new DriftDetector(new DriftSettings(DriftMethod.KS, null, 0.5));

        // when
        ColumnDrift drift = ks.compare(Samples.numeric(Samples.normal(11, 200_000, 0, 1)),
                Samples.numeric(Samples.normal(12, 200_000, 0.25, 1)));

        // then
        assertThat(drift.negligible()).isFalse();
        assertThat(drift.drifted()).isTrue();
    }

    @Test
    void shouldChooseTestsPerRowsAndCardinalityAsEvidently() {
        // given
        NumericSample manyValuesSmall = Samples.numeric(Samples.normal(13, 1000, 0, 1));
        NumericSample manyValuesLarge = Samples.numeric(Samples.normal(14, 1001, 0, 1));
        NumericSample fourValues = Samples.numeric(Samples.integers(15, 1000, 4));
        NumericSample twoValues = Samples.numeric(Samples.integers(16, 1000, 2));
        NumericSample threeValues = Samples.numeric(Samples.integers(17, 900, 3));
        NumericSample fiveValuesLarge = Samples.numeric(Samples.integers(18, 5000, 5));
        NumericSample sixValuesLarge = Samples.numeric(Samples.integers(19, 5000, 6));
        CategoricalSample twoCategories = Samples.categorical("x", 300, "y", 200);
        CategoricalSample thirdCategory = Samples.categorical("x", 300, "z", 200);
        CategoricalSample largeCategories = Samples.categorical("x", 3000, "y", 2000);

        // when / then: reference rows <= 1000
        assertThat(AutoSelection.choose(manyValuesSmall, manyValuesSmall)).isEqualTo(DriftMethod.KS);
        assertThat(AutoSelection.choose(fourValues, fourValues)).isEqualTo(DriftMethod.CHI2);
        assertThat(AutoSelection.choose(twoValues, twoValues)).isEqualTo(DriftMethod.Z);
        assertThat(AutoSelection.choose(twoValues, threeValues)).isEqualTo(DriftMethod.CHI2);
        assertThat(AutoSelection.choose(twoCategories, twoCategories)).isEqualTo(DriftMethod.Z);
        assertThat(AutoSelection.choose(twoCategories, thirdCategory)).isEqualTo(DriftMethod.CHI2);
        // reference rows > 1000
        assertThat(AutoSelection.choose(manyValuesLarge, manyValuesSmall)).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(AutoSelection.choose(fiveValuesLarge, fiveValuesLarge)).isEqualTo(DriftMethod.JENSEN_SHANNON);
        assertThat(AutoSelection.choose(sixValuesLarge, fiveValuesLarge)).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(AutoSelection.choose(largeCategories, twoCategories)).isEqualTo(DriftMethod.JENSEN_SHANNON);
        // unique values counted over both samples: 5 in the reference and a sixth in the current
        assertThat(AutoSelection.choose(fiveValuesLarge, sixValuesLarge)).isEqualTo(DriftMethod.WASSERSTEIN);
    }

    @Test
    void shouldLetTheDatasetDriftWhenTheShareOfDriftedColumnsReachesTheThreshold() {
        // given
        Map<String, ColumnDrift> columns = new LinkedHashMap<>();
        columns.put("zeta", column(true));
        columns.put("alpha", column(false));
        columns.put("mid", column(true));
        columns.put("beta", column(false));

        // when
        DriftReport half = AUTO.summarize(columns);
        DriftReport strict = new DriftDetector(new DriftSettings(DriftMethod.AUTO, null, 0.51)).summarize(columns);
        DriftReport none = AUTO.summarize(Map.of());

        // then
        assertThat(half.share()).isEqualTo(0.5);
        assertThat(half.shareThreshold()).isEqualTo(0.5);
        assertThat(half.drifted()).isTrue();
        assertThat(half.columns()).containsOnlyKeys("zeta", "alpha", "mid", "beta");
        assertThat(half.columns().keySet()).containsExactly("zeta", "alpha", "mid", "beta");
        assertThat(strict.drifted()).isFalse();
        assertThat(none.share()).isZero();
        assertThat(none.drifted()).isFalse();
    }

    @Test
    void shouldTestColumnsPresentInBothDatasetsAndNameTheColumnThatCannotBeTested() {
        // given
        Map<String, ColumnSample> reference = new LinkedHashMap<>();
        reference.put("income", Samples.numeric(Samples.normal(20, 300, 0, 1)));
        reference.put("country", Samples.categorical("DE", 100, "FR", 80, "US", 120));
        reference.put("dropped", Samples.categorical("a", 1));
        Map<String, ColumnSample> current = new LinkedHashMap<>();
        current.put("country", Samples.categorical("DE", 10, "FR", 180, "US", 20));
        current.put("income", Samples.numeric(Samples.normal(21, 300, 0, 1)));
        Map<String, ColumnSample> broken = Map.of("income", Samples.categorical("x", 3));

        // when
        DriftReport report = AUTO.detect(reference, current);

        // then
        assertThat(report.columns().keySet()).containsExactly("income", "country");
        assertThat(report.columns().get("country").drifted()).isTrue();
        assertThat(report.columns().get("income").drifted()).isFalse();
        assertThat(report.drifted()).isTrue();
        assertThatThrownBy(() -> AUTO.detect(reference, broken)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("drift of column 'income': the column is numeric in the reference");
    }

    @Test
    void shouldUseTheConfiguredThresholdInsteadOfTheDefault() {
        // given: scipy.stats.chisquare([65, 48, 37], [50, 50, 50]) = (7.96, 0.018686), Cramér's V 0.1146
        DriftDetector strict = new DriftDetector(new DriftSettings(DriftMethod.CHI2, 0.01, 0.5));
        CategoricalSample reference = Samples.categorical("a", 50, "b", 50, "c", 50);
        CategoricalSample current = Samples.categorical("a", 65, "b", 48, "c", 37);

        // when
        ColumnDrift defaults = new DriftDetector(new DriftSettings(DriftMethod.CHI2, null, 0.5))
                .compare(reference, current);
        ColumnDrift configured = strict.compare(reference, current);

        // then
        assertThat(defaults.pValue()).isCloseTo(0.018685639337732766, Tolerance.relative(0.0186856, 1e-9));
        assertThat(defaults.effectSize()).isCloseTo(0.11459881909358448, Tolerance.relative(0.1145988, 1e-12));
        assertThat(defaults.drifted()).isTrue();
        assertThat(configured.threshold()).isEqualTo(0.01);
        assertThat(configured.drifted()).isFalse();
    }

    @Test
    void shouldRefuseMethodsThatCannotTestTheColumn() {
        // given
        DriftDetector ks = new DriftDetector(new DriftSettings(DriftMethod.KS, null, 0.5));
        DriftDetector chi2 = new DriftDetector(new DriftSettings(DriftMethod.CHI2, null, 0.5));
        CategoricalSample categorical = Samples.categorical("a", 3, "b", 4);
        NumericSample continuous = Samples.numeric(Samples.normal(22, 200, 0, 1));

        // when / then
        assertThatThrownBy(() -> ks.compare(categorical, categorical)).isInstanceOf(InputException.class)
                .hasMessage("ks compares numeric distributions and cannot test a categorical column: use chi2, z, "
                        + "jensen_shannon or psi (or auto)");
        assertThatThrownBy(() -> AUTO.compare(continuous, categorical)).isInstanceOf(InputException.class)
                .hasMessage("the column is numeric in the reference dataset but categorical in the current one: "
                        + "expected the same type in both");
        assertThatThrownBy(() -> chi2.compare(continuous, continuous)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("chi2 compares value counts and needs a categorical column or a numeric one "
                        + "with at most 64 distinct values");
        assertThatThrownBy(() -> AUTO.compare(categorical, new CategoricalSample(0, Map.of(), 0, true)))
                .isInstanceOf(InputException.class).hasMessageContaining("no values in the current dataset");
    }

    @Test
    void shouldRefuseThresholdsThatMakeNoSense() {
        assertThatThrownBy(() -> new DriftDetector(new DriftSettings(DriftMethod.KS, -0.05, 0.5)))
                .isInstanceOf(InputException.class).hasMessageContaining("expected a positive number");
        assertThatThrownBy(() -> new DriftDetector(new DriftSettings(DriftMethod.AUTO, null, 1.5)))
                .isInstanceOf(InputException.class).hasMessageContaining("expected a share between 0 and 1");
    }

    @Test
    void shouldTestLowCardinalityNumericColumnsOnTheirValueCounts() {
        // given: 0/1 flags, 600 rows each: auto picks the z-test
        NumericSample reference = Samples.numeric(Samples.integers(23, 600, 2));
        double[] shifted = Samples.integers(24, 600, 2);
        for (int i = 0; i < 150; i++) {
            shifted[i] = 1.0;
        }

        // when
        ColumnDrift drift = AUTO.compare(reference, Samples.numeric(shifted));

        // then
        assertThat(drift.method()).isEqualTo(DriftMethod.Z);
        assertThat(drift.drifted()).isTrue();
        assertThat(drift.histogram().labels()).containsExactly("0", "1");
    }

    @Test
    void shouldCompareColumnsOverTheValueBudgetExactlyFromTheirValueCounts() {
        // given: only samples and value counts are kept (as for a column of ratings beyond the exact-value budget)
        double[] ratings = Samples.integers(25, 3000, 6);
        double[] shiftedRatings = Samples.integers(26, 3000, 7);
        NumericSample exactReference = Samples.numeric(ratings);
        NumericSample exactCurrent = Samples.numeric(shiftedRatings);

        // when
        ColumnDrift fromCounts = AUTO.compare(Samples.sampled(500, ratings), Samples.sampled(500, shiftedRatings));
        ColumnDrift fromValues = AUTO.compare(exactReference, exactCurrent);
        ColumnDrift ksFromCounts = new DriftDetector(new DriftSettings(DriftMethod.KS, null, 0.5))
                .compare(Samples.sampled(500, ratings), Samples.sampled(500, shiftedRatings));
        ColumnDrift ksFromValues = new DriftDetector(new DriftSettings(DriftMethod.KS, null, 0.5))
                .compare(exactReference, exactCurrent);

        // then
        assertThat(fromCounts.method()).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(fromCounts.sampling()).isEqualTo("exact");
        assertThat(fromCounts.errorBound()).isNull();
        assertThat(fromCounts.statistic())
                .isCloseTo(fromValues.statistic(), Tolerance.relative(fromValues.statistic(), 1e-12));
        assertThat(ksFromCounts.statistic()).isEqualTo(ksFromValues.statistic());
        assertThat(ksFromCounts.pValue()).isEqualTo(ksFromValues.pValue());
        assertThat(fromCounts.histogram()).isEqualTo(fromValues.histogram());
    }

    private static ColumnDrift column(final boolean drifted) {
        return new ColumnDrift(DriftMethod.KS, 0.2, drifted ? 0.001 : 0.5, 0.05, drifted, "exact", null, 0.2, false,
                new Histogram(java.util.List.of(), java.util.List.of(), java.util.List.of()));
    }
}
