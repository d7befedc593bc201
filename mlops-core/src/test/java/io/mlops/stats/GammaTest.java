package io.mlops.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.validation.drift.GoldenFixtures;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GammaTest {
    static Stream<Arguments> gammainccGrid() {
        return GoldenFixtures.entries("chi2.json", "gammainccGrid").map(point -> Arguments.of(
                Named.of("a=" + point.get("a").asDouble() + ", x=" + point.get("x").asDouble(), point)));
    }

    static Stream<Arguments> gammalnGrid() {
        return GoldenFixtures.entries("chi2.json", "gammalnGrid")
                .map(point -> Arguments.of(Named.of("x=" + point.get("x").asDouble(), point)));
    }

    @ParameterizedTest
    @MethodSource("gammainccGrid")
    void shouldMatchScipyRegularizedIncompleteGamma(final JsonNode point) {
        // given
        double a = point.get("a").asDouble();
        double x = point.get("x").asDouble();

        // when
        double q = Gamma.regularizedQ(a, x);
        double p = Gamma.regularizedP(a, x);

        // then
        double expectedQ = point.get("q").asDouble();
        double expectedP = point.get("p").asDouble();
        assertThat(q).isCloseTo(expectedQ, Tolerance.relative(expectedQ, 1e-11));
        assertThat(p).isCloseTo(expectedP, Tolerance.relative(expectedP, 1e-11));
    }

    @ParameterizedTest
    @MethodSource("gammalnGrid")
    void shouldMatchScipyLogGamma(final JsonNode point) {
        // given
        double x = point.get("x").asDouble();

        // when
        double value = Gamma.logGamma(x);

        // then
        double expected = point.get("value").asDouble();
        assertThat(value).isCloseTo(expected, Offset.offset(Math.max(Math.abs(expected) * 1e-13, 1e-15)));
    }
}
