package io.mlops.validation;

import com.fasterxml.jackson.core.JsonGenerator;
import io.mlops.data.DatasetInfo;
import io.mlops.report.ReportJson;
import io.mlops.validation.drift.ColumnDrift;
import io.mlops.validation.drift.DriftReport;
import io.mlops.validation.drift.Histogram;

import java.io.IOException;
import java.util.Map;

/**
 * Streams a {@link ValidationReport} as report.json (kind {@code data-validation}, DESIGN.md §3): the fields in
 * the order and with the null handling its record annotations give data binding, which reads the file back.
 */
final class ValidationReportJson {
    private ValidationReportJson() {
    }

    static String render(final ValidationReport report) {
        return ReportJson.stream(json -> {
            json.writeNumberField("schemaVersion", report.schemaVersion());
            json.writeStringField("kind", report.kind());
            json.writeStringField("status", report.status().name());
            json.writeStringField("summary", report.summary());
            json.writeFieldName("startedAt");
            ReportJson.value(json, report.startedAt());
            json.writeNumberField("durationMs", report.durationMs());
            json.writeFieldName("dataset");
            dataset(json, report.dataset());
            json.writeFieldName("reference");
            dataset(json, report.reference());
            json.writeArrayFieldStart("checks");
            for (CheckResult check : report.checks()) {
                check(json, check);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("columns");
            for (Map.Entry<String, ColumnProfile> column : report.columns().entrySet()) {
                json.writeFieldName(column.getKey());
                profile(json, column.getValue());
            }
            json.writeEndObject();
            json.writeFieldName("drift");
            drift(json, report.drift());
        });
    }

    private static void dataset(final JsonGenerator json, final DatasetInfo dataset) throws IOException {
        if (dataset == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("path", dataset.path());
        json.writeStringField("format", dataset.format());
        json.writeNumberField("rows", dataset.rows());
        json.writeNumberField("columns", dataset.columns());
        json.writeStringField("sha256", dataset.sha256());
        json.writeEndObject();
    }

    private static void check(final JsonGenerator json, final CheckResult check) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", check.name());
        json.writeStringField("column", check.column());
        json.writeStringField("severity", check.severity() == null ? null : check.severity().id());
        json.writeStringField("status", check.status() == null ? null : check.status().name());
        json.writeFieldName("observed");
        ReportJson.value(json, check.observed());
        json.writeFieldName("expected");
        ReportJson.value(json, check.expected());
        json.writeStringField("message", check.message());
        json.writeEndObject();
    }

    /** A column profile leaves out what does not apply to its type ({@code NON_NULL}). */
    private static void profile(final JsonGenerator json, final ColumnProfile profile) throws IOException {
        json.writeStartObject();
        if (profile.type() != null) {
            json.writeStringField("type", profile.type().id());
        }
        json.writeNumberField("count", profile.count());
        json.writeNumberField("missing", profile.missing());
        json.writeNumberField("distinct", profile.distinct());
        if (profile.min() != null) {
            json.writeFieldName("min");
            ReportJson.value(json, profile.min());
        }
        if (profile.max() != null) {
            json.writeFieldName("max");
            ReportJson.value(json, profile.max());
        }
        ReportJson.optionalNumber(json, "mean", profile.mean());
        ReportJson.optionalNumber(json, "stddev", profile.stddev());
        if (profile.quantiles() != null) {
            json.writeFieldName("quantiles");
            ReportJson.value(json, profile.quantiles());
        }
        if (profile.topValues() != null) {
            json.writeArrayFieldStart("topValues");
            for (ValueCount top : profile.topValues()) {
                json.writeStartObject();
                json.writeStringField("value", top.value());
                json.writeNumberField("count", top.count());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void drift(final JsonGenerator json, final DriftReport drift) throws IOException {
        if (drift == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeFieldName("share");
        ReportJson.number(json, drift.share());
        json.writeFieldName("shareThreshold");
        ReportJson.number(json, drift.shareThreshold());
        json.writeBooleanField("drifted", drift.drifted());
        json.writeObjectFieldStart("columns");
        for (Map.Entry<String, ColumnDrift> column : drift.columns().entrySet()) {
            json.writeFieldName(column.getKey());
            columnDrift(json, column.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void columnDrift(final JsonGenerator json, final ColumnDrift drift) throws IOException {
        json.writeStartObject();
        json.writeStringField("method", drift.method() == null ? null : drift.method().id());
        json.writeFieldName("statistic");
        ReportJson.number(json, drift.statistic());
        json.writeFieldName("pValue");
        ReportJson.number(json, drift.pValue());
        json.writeFieldName("threshold");
        ReportJson.number(json, drift.threshold());
        json.writeBooleanField("drifted", drift.drifted());
        json.writeStringField("sampling", drift.sampling());
        json.writeFieldName("errorBound");
        ReportJson.number(json, drift.errorBound());
        json.writeFieldName("effectSize");
        ReportJson.number(json, drift.effectSize());
        json.writeBooleanField("negligible", drift.negligible());
        json.writeFieldName("histogram");
        histogram(json, drift.histogram());
        json.writeEndObject();
    }

    private static void histogram(final JsonGenerator json, final Histogram histogram) throws IOException {
        if (histogram == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeFieldName("labels");
        ReportJson.value(json, histogram.labels());
        json.writeFieldName("reference");
        ReportJson.value(json, histogram.reference());
        json.writeFieldName("current");
        ReportJson.value(json, histogram.current());
        json.writeEndObject();
    }
}
