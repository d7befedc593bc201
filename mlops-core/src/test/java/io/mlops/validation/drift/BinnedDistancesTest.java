package io.mlops.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.stats.Tolerance;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BinnedDistancesTest {
    static Stream<Arguments> evidentlyCases() {
        return GoldenFixtures.entries("binned.json", "cases")
                .map(c -> Arguments.of(Named.of(c.get("name").asText(), c)));
    }

    @ParameterizedTest
    @MethodSource("evidentlyCases")
    void shouldMatchScipyJensenShannonOnEvidentlysBins(final JsonNode fixture) {
        // given
        ColumnSample[] samples = samples(fixture);

        // when
        TestOutcome outcome = JensenShannon.test(samples[0], samples[1]);

        // then
        double expected = fixture.get("jensenShannon").asDouble();
        assertThat(outcome.statistic()).isCloseTo(expected, Tolerance.relative(expected, 1e-12));
        assertThat(outcome.exact()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("evidentlyCases")
    void shouldMatchEvidentlysPsiFormula(final JsonNode fixture) {
        // given
        ColumnSample[] samples = samples(fixture);

        // when
        TestOutcome outcome = PopulationStability.test(samples[0], samples[1]);

        // then
        double expected = fixture.get("psi").asDouble();
        assertThat(outcome.statistic()).isCloseTo(expected, Tolerance.relative(expected, 1e-12));
    }

    @ParameterizedTest
    @MethodSource("evidentlyCases")
    void shouldPlaceSturgesEdgesLikeNumpy(final JsonNode fixture) {
        // given
        JsonNode expected = fixture.get("binEdges");
        if (expected.isNull()) {
            return;
        }
        double[] reference = GoldenFixtures.values(fixture.get("reference"));
        double[] current = GoldenFixtures.values(fixture.get("current"));
        double min = Math.min(Stream.of(reference, current).mapToDouble(a -> java.util.Arrays.stream(a).min()
                .orElseThrow()).min().orElseThrow(), Double.MAX_VALUE);
        double max = Stream.of(reference, current).mapToDouble(a -> java.util.Arrays.stream(a).max().orElseThrow())
                .max().orElseThrow();

        // when
        double[] edges = Bins.sturgesEdges(min, max, reference.length + current.length);

        // then
        assertThat(edges).containsExactly(GoldenFixtures.doubles(expected));
    }

    private static ColumnSample[] samples(final JsonNode fixture) {
        if (fixture.get("numeric").asBoolean()) {
            return new ColumnSample[] {Samples.numeric(GoldenFixtures.values(fixture.get("reference"))),
                Samples.numeric(GoldenFixtures.values(fixture.get("current")))};
        }
        return new ColumnSample[] {Samples.categorical(GoldenFixtures.counts(fixture.get("reference"))),
            Samples.categorical(GoldenFixtures.counts(fixture.get("current")))};
    }
}
