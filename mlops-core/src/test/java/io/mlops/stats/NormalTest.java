package io.mlops.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.validation.drift.GoldenFixtures;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NormalTest {
    static Stream<Arguments> erfcGrid() {
        return GoldenFixtures.entries("z.json", "erfcGrid")
                .map(point -> Arguments.of(Named.of("x=" + point.get("x").asDouble(), point)));
    }

    @ParameterizedTest
    @MethodSource("erfcGrid")
    void shouldMatchScipyErfcAndNormalTail(final JsonNode point) {
        // given
        double x = point.get("x").asDouble();

        // when
        double erfc = Normal.erfc(x);
        double sf = Normal.sf(x);
        double lowerTail = Normal.sf(-x);

        // then
        double expectedErfc = point.get("erfc").asDouble();
        double expectedSf = point.get("normSf").asDouble();
        assertThat(erfc).isCloseTo(expectedErfc, Tolerance.relative(expectedErfc, 1e-12));
        assertThat(sf).isCloseTo(expectedSf, Tolerance.relative(expectedSf, 1e-12));
        assertThat(lowerTail).isCloseTo(1 - expectedSf, Tolerance.relative(1 - expectedSf, 1e-12));
    }
}
