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

class ChiSquareTest {
    static Stream<Arguments> scipyCases() {
        return GoldenFixtures.entries("chi2.json", "cases")
                .map(c -> Arguments.of(Named.of(c.get("name").asText(), c)));
    }

    @ParameterizedTest
    @MethodSource("scipyCases")
    void shouldMatchScipyChisquareAsEvidentlyCallsIt(final JsonNode fixture) {
        // given
        CategoricalSample reference = Samples.categorical(GoldenFixtures.counts(fixture.get("reference")));
        CategoricalSample current = Samples.categorical(GoldenFixtures.counts(fixture.get("current")));

        // when
        TestOutcome outcome = ChiSquare.test(Frequencies.of(reference, current, DriftMethod.CHI2));

        // then
        double statistic = fixture.get("statistic").asDouble();
        double pValue = fixture.get("pValue").asDouble();
        double cramersV = fixture.get("cramersV").asDouble();
        assertThat(outcome.statistic()).isCloseTo(statistic, Tolerance.relative(statistic, 1e-12));
        assertThat(outcome.pValue()).isCloseTo(pValue, Tolerance.probability(pValue, 1e-9));
        assertThat(outcome.effectSize()).isCloseTo(cramersV, Tolerance.relative(cramersV, 1e-12));
        assertThat(outcome.exact()).isTrue();
    }

    @Test
    void shouldGiveInfiniteStatisticAndZeroPValueForAValueTheReferenceNeverHad() {
        // given: scipy.stats.chisquare([3, 0, 2], [0.0, 2.5, 2.5]) = (inf, 0.0)
        CategoricalSample reference = Samples.categorical("a", 5, "b", 5);
        CategoricalSample current = Samples.categorical("a", 2, "new", 3);

        // when
        TestOutcome outcome = ChiSquare.test(Frequencies.of(reference, current, DriftMethod.CHI2));

        // then
        assertThat(outcome.statistic()).isInfinite();
        assertThat(outcome.pValue()).isZero();
        assertThat(outcome.effectSize()).isFinite().isPositive();
    }

    @Test
    void shouldSeeNoShiftWhenBothSamplesHaveOneAndTheSameValue() {
        // given
        CategoricalSample reference = Samples.categorical("a", 5);
        CategoricalSample current = Samples.categorical("a", 7);

        // when
        TestOutcome outcome = ChiSquare.test(Frequencies.of(reference, current, DriftMethod.CHI2));

        // then
        assertThat(outcome.statistic()).isZero();
        assertThat(outcome.pValue()).isEqualTo(1.0);
    }
}
