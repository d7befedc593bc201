package io.mlops.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.stats.Tolerance;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwoProportionZTest {
    static Stream<Arguments> evidentlyCases() {
        return GoldenFixtures.entries("z.json", "cases").map(c -> Arguments.of(Named.of(c.get("name").asText(), c)));
    }

    @ParameterizedTest
    @MethodSource("evidentlyCases")
    void shouldMatchEvidentlysZTest(final JsonNode fixture) {
        // given
        CategoricalSample reference = Samples.categorical(GoldenFixtures.counts(fixture.get("reference")));
        CategoricalSample current = Samples.categorical(GoldenFixtures.counts(fixture.get("current")));

        // when
        TestOutcome outcome = TwoProportionZ.test(Frequencies.of(reference, current, DriftMethod.Z));

        // then
        double statistic = fixture.get("statistic").asDouble();
        double pValue = fixture.get("pValue").asDouble();
        double cohensH = fixture.get("cohensH").asDouble();
        assertThat(outcome.statistic()).isCloseTo(statistic, Tolerance.relative(statistic, 1e-12));
        assertThat(outcome.pValue()).isCloseTo(pValue, Tolerance.probability(pValue, 1e-9));
        assertThat(outcome.effectSize()).isCloseTo(cohensH, Tolerance.relative(cohensH, 1e-12));
    }

    @Test
    void shouldTestNumericZeroOneColumnsFromTheirValueCounts() {
        // given: the same counts as the "numeric 0/1 as text keys" fixture, as numbers
        NumericSample reference = Samples.numeric(zerosAndOnes(90, 10));
        NumericSample current = Samples.numeric(zerosAndOnes(70, 30));

        // when
        TestOutcome outcome = TwoProportionZ.test(Frequencies.of(reference, current, DriftMethod.Z));

        // then
        JsonNode fixture = GoldenFixtures.entries("z.json", "cases")
                .filter(c -> c.get("name").asText().startsWith("numeric")).findFirst().orElseThrow();
        assertThat(outcome.pValue()).isCloseTo(fixture.get("pValue").asDouble(),
                Tolerance.relative(fixture.get("pValue").asDouble(), 1e-9));
    }

    @Test
    void shouldRefuseColumnsWithMoreThanTwoValues() {
        // given
        CategoricalSample reference = Samples.categorical("a", 5, "b", 5);
        CategoricalSample current = Samples.categorical("a", 2, "c", 3);

        // when / then
        assertThatThrownBy(() -> TwoProportionZ.test(Frequencies.of(reference, current, DriftMethod.Z)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("at most two distinct values").hasMessageContaining("has 3")
                .hasMessageContaining("chi2");
    }

    private static double[] zerosAndOnes(final int zeros, final int ones) {
        double[] values = new double[zeros + ones];
        java.util.Arrays.fill(values, zeros, zeros + ones, 1.0);
        return values;
    }
}
