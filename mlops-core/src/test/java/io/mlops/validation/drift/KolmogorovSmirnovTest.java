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
    void shouldBoundTheSketchPValueByTheSketchError() {
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
        TestOutcome sketch = KolmogorovSmirnov.test(Samples.sketchOnly(reference), Samples.sketchOnly(current));

        // then
        assertThat(sketch.exact()).isFalse();
        assertThat(sketch.errorBound()).isBetween(0.005, 0.006);
        assertThat(Math.abs(sketch.statistic() - exact.statistic())).isLessThanOrEqualTo(sketch.errorBound());
        assertThat(sketch.pValue()).isGreaterThanOrEqualTo(exact.pValue());
        assertThat(sketch.pValue()).isEqualTo(KolmogorovSmirnov.asymptoticPValue(50_000, 50_000,
                sketch.statistic() - sketch.errorBound()));
    }
}
