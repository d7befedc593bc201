package io.mlops.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.stats.Tolerance;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WassersteinTest {
    static Stream<Arguments> scipyCases() {
        return GoldenFixtures.entries("wasserstein.json", "cases")
                .map(c -> Arguments.of(Named.of(c.get("name").asText(), c)));
    }

    @ParameterizedTest
    @MethodSource("scipyCases")
    void shouldMatchScipyWassersteinDistanceNormedByReferenceStd(final JsonNode fixture) {
        // given
        NumericSample reference = Samples.numeric(GoldenFixtures.values(fixture.get("reference")));
        NumericSample current = Samples.numeric(GoldenFixtures.values(fixture.get("current")));

        // when
        double distance = Wasserstein.distance(SortedValues.exact(reference.sortedValues()),
                SortedValues.exact(current.sortedValues()));
        TestOutcome outcome = Wasserstein.test(reference, current);

        // then
        double expectedDistance = fixture.get("distance").asDouble();
        double statistic = fixture.get("statistic").asDouble();
        assertThat(distance).isCloseTo(expectedDistance, Tolerance.relative(expectedDistance, 1e-12));
        assertThat(outcome.statistic()).isCloseTo(statistic, Tolerance.relative(statistic, 1e-12));
        assertThat(outcome.pValue()).isNull();
        assertThat(outcome.exact()).isTrue();
    }
}
