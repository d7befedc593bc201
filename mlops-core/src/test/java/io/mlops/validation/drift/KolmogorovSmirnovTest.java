package io.mlops.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.stats.Tolerance;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KolmogorovSmirnovTest {
    static Stream<Arguments> scipyCases() {
        return GoldenFixtures.entries("ks.json", "cases").map(c -> Arguments.of(
                Named.of(c.get("name").asText() + " [" + c.get("method").asText() + "]", c)));
    }

    @ParameterizedTest
    @MethodSource("scipyCases")
    void shouldMatchScipyKs2samp(final JsonNode fixture) {
        // given
        NumericSample reference = Samples.numeric(GoldenFixtures.values(fixture.get("reference")));
        NumericSample current = Samples.numeric(GoldenFixtures.values(fixture.get("current")));

        // when
        TestOutcome outcome = KolmogorovSmirnov.test(reference, current);

        // then
        double statistic = fixture.get("statistic").asDouble();
        double pValue = fixture.get("pValue").asDouble();
        assertThat(outcome.statistic()).isCloseTo(statistic, Tolerance.relative(statistic, 1e-12));
        assertThat(outcome.pValue()).isCloseTo(pValue, Tolerance.probability(pValue, 1e-9));
        assertThat(outcome.exact()).isTrue();
        assertThat(outcome.effectSize()).isEqualTo(outcome.statistic());
    }

    @Test
    void shouldChooseExactPValueUpToTenThousandValues() {
        // given: scipy 1.17 _compute_prob_outside_square(10000, 200) and kstwo.sf(0.02, 5000)
        int n = KolmogorovSmirnov.MAX_EXACT_N;

        // when
        double atLimit = KolmogorovSmirnov.pValue(n, n, 0.02)[1];
        double aboveLimit = KolmogorovSmirnov.pValue(n + 1, n + 1, 0.02)[1];
        double asymptotic = KolmogorovSmirnov.asymptoticPValue(n, n, 0.02);

        // then
        assertThat(atLimit).isCloseTo(0.03662861114079258, Tolerance.relative(0.03662861114079258, 1e-9));
        assertThat(asymptotic).isCloseTo(0.03613941395325637, Tolerance.relative(0.03613941395325637, 1e-9));
        assertThat(aboveLimit).isEqualTo(KolmogorovSmirnov.asymptoticPValue(n + 1, n + 1, 0.02));
    }

    @Test
    void shouldBoundTheSampledPValueByTheSamplingError() {
        // given
        double[] reference = new double[50_000];
        double[] current = new double[50_000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < reference.length; i++) {
            reference[i] = random.nextGaussian();
            current[i] = random.nextGaussian() + 0.05;
        }

        // when
        TestOutcome exact = KolmogorovSmirnov.test(Samples.numeric(reference), Samples.numeric(current));
        TestOutcome sampled = KolmogorovSmirnov.test(Samples.sampled(20_000, reference),
                Samples.sampled(20_000, current));

        // then: each sample's rank error is sqrt(ln(200) / 40,000) = 0.0115
        assertThat(sampled.exact()).isFalse();
        assertThat(sampled.errorBound()).isEqualTo(2 * SortedValues.sampleRankError(20_000));
        assertThat(sampled.errorBound()).isBetween(0.0229, 0.0231);
        assertThat(Math.abs(sampled.statistic() - exact.statistic())).isLessThanOrEqualTo(sampled.errorBound());
        assertThat(sampled.pValue()).isGreaterThanOrEqualTo(exact.pValue());
        assertThat(sampled.pValue()).isEqualTo(KolmogorovSmirnov.asymptoticPValue(50_000, 50_000,
                sampled.statistic() - sampled.errorBound()));
    }
}
