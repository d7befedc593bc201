package io.mlops.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift part of report.json (DESIGN.md §3) as Jackson writes it. */
class DriftReportJsonTest {
    @Test
    void shouldWriteTheReportJsonDriftContract() throws Exception {
        // given
        DriftDetector detector = new DriftDetector(DriftSettings.DEFAULT);
        Map<String, ColumnDrift> columns = new LinkedHashMap<>();
        columns.put("income", detector.compare(Samples.numeric(Samples.normal(51, 400, 0, 1)),
                Samples.numeric(Samples.normal(52, 400, 1, 1))));
        columns.put("country", detector.compare(Samples.categorical("DE", 10, "FR", 20),
                Samples.categorical("DE", 11, "FR", 19, "US", 3)));

        // when
        JsonNode json = new ObjectMapper().valueToTree(detector.summarize(columns));

        // then
        assertThat(json.get("share").asDouble()).isEqualTo(1.0);
        assertThat(json.get("shareThreshold").asDouble()).isEqualTo(0.5);
        assertThat(json.get("drifted").asBoolean()).isTrue();
        JsonNode income = json.get("columns").get("income");
        assertThat(income.get("method").asText()).isEqualTo("ks");
        assertThat(income.get("statistic").isNumber()).isTrue();
        assertThat(income.get("pValue").isNumber()).isTrue();
        assertThat(income.get("threshold").asDouble()).isEqualTo(0.05);
        assertThat(income.get("drifted").asBoolean()).isTrue();
        assertThat(income.get("sampling").asText()).isEqualTo("exact");
        assertThat(income.get("histogram").get("labels")).hasSize(20);
        JsonNode country = json.get("columns").get("country");
        assertThat(country.get("method").asText()).isEqualTo("chi2");
        // a value the reference never had: scipy's chi-square is infinite; Jackson writes it as the string "Infinity"
        assertThat(country.get("statistic").asText()).isEqualTo("Infinity");
        assertThat(country.get("pValue").asDouble()).isZero();
        assertThat(json.get("columns").fieldNames()).toIterable().containsExactly("income", "country");
    }
}
