package io.mlops.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class McNemarTest {
    @Test
    void shouldGiveTheExactBinomialPValue() {
        // when: b = 10, c = 3 → 2 (C(13,0) + C(13,1) + C(13,2) + C(13,3)) / 2^13
        var result = McNemar.test(10, 3);

        // then
        assertThat(result.pValue()).isCloseTo(2.0 * (1 + 13 + 78 + 286) / 8192, within(1e-15));
    }

    @Test
    void shouldBeSymmetricAndCappedAtOne() {
        assertThat(McNemar.test(3, 10).pValue()).isEqualTo(McNemar.test(10, 3).pValue());
        assertThat(McNemar.test(5, 5).pValue()).isEqualTo(1.0);
        assertThat(McNemar.test(0, 0).pValue()).isEqualTo(1.0);
    }

    @Test
    void shouldStayAccurateForLargeCounts() {
        // when: 500,000 discordant pairs split 50.2% / 49.8%: z = 2000 / √(125,000) ≈ 2.828 → p ≈ 0.00468
        var result = McNemar.test(251_000, 249_000);

        // then: within the normal approximation's error at this size
        assertThat(result.pValue()).isCloseTo(0.004687, within(2e-5));
    }
}
