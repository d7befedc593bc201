package io.mlops.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.stats.Tolerance;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KolmogorovDistributionTest {
    static Stream<Arguments> kstwoGrid() {
        return grid("kstwoSf");
    }

    static Stream<Arguments> smirnovGrid() {
        return grid("smirnovSf");
    }

    private static Stream<Arguments> grid(final String list) {
        return GoldenFixtures.entries("kolmogorov.json", list).map(point -> Arguments.of(Named.of(
                "n=" + point.get("n").asInt() + ", x=" + point.get("x").asDouble(), point)));
    }

    @ParameterizedTest
    @MethodSource("kstwoGrid")
    void shouldMatchScipyKstwoSurvivalFunction(final JsonNode point) {
        // given
        int n = point.get("n").asInt();
        double x = point.get("x").asDouble();

        // when
        double sf = KolmogorovDistribution.sf(n, x);

        // then
        double expected = point.get("sf").asDouble();
        assertThat(sf).isCloseTo(expected, Tolerance.probability(expected, 1e-9));
    }

    @ParameterizedTest
    @MethodSource("smirnovGrid")
    void shouldMatchScipySmirnov(final JsonNode point) {
        // given
        int n = point.get("n").asInt();
        double x = point.get("x").asDouble();

        // when
        double sf = Smirnov.sf(n, x);

        // then
        double expected = point.get("sf").asDouble();
        assertThat(sf).isCloseTo(expected, Tolerance.probability(expected, 1e-9));
    }
}
