package io.mlops.validation.drift;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistogramsTest {
    @Test
    void shouldPutBothNumericSamplesOnTwentySharedEqualWidthBins() {
        // given
        NumericSample reference = Samples.numeric(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39.0);
        NumericSample current = Samples.numeric(Samples.normal(41, 500, 30, 3));

        // when
        Histogram histogram = Histograms.of(reference, current);

        // then
        double max = Math.max(39, current.sortedValues()[current.sortedValues().length - 1]);
        assertThat(histogram.labels()).hasSize(20).startsWith("[0, " + Bins.format(max / 20) + ")")
                .last().asString().startsWith("[").endsWith(Bins.format(max) + "]");
        assertThat(histogram.reference().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
        assertThat(histogram.current().stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
        assertThat(histogram.reference().get(0)).isEqualTo((long) Math.ceil(max / 20));
    }

    @Test
    void shouldShowOneBinPerValueForLowCardinalityNumericColumns() {
        // given
        NumericSample reference = Samples.numeric(1, 1, 2, 2.5, 2.5, 2.5);
        NumericSample current = Samples.numeric(1, 3, 3);

        // when
        Histogram histogram = Histograms.of(reference, current);

        // then
        assertThat(histogram.labels()).containsExactly("1", "2", "2.5", "3");
        assertThat(histogram.reference()).containsExactly(2L, 1L, 3L, 0L);
        assertThat(histogram.current()).containsExactly(1L, 0L, 0L, 2L);
    }

    @Test
    void shouldShowTheTwentyMostFrequentCategoriesAndPoolTheRest() {
        // given
        Map<String, Long> reference = new LinkedHashMap<>();
        Map<String, Long> current = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            reference.put("v" + (char) ('a' + i), 100L - i);
            current.put("v" + (char) ('a' + i), 50L);
        }

        // when
        Histogram histogram = Histograms.of(Samples.categorical(reference), Samples.categorical(current));

        // then
        assertThat(histogram.labels()).hasSize(21).startsWith("va", "vb").endsWith("vt", Frequencies.OTHER_LABEL);
        assertThat(histogram.reference().get(20)).isEqualTo(80 + 79 + 78 + 77 + 76);
        assertThat(histogram.current().get(20)).isEqualTo(250);
    }

    @Test
    void shouldShowAConstantColumnAsOneBin() {
        // when
        Histogram histogram = Histograms.of(Samples.sampled(1, 4.5, 4.5), Samples.sampled(1, 4.5));

        // then: value counts are kept, so one bin per value
        assertThat(histogram.labels()).containsExactly("4.5");
        assertThat(histogram.reference()).containsExactly(2L);
        assertThat(histogram.current()).containsExactly(1L);
    }
}
