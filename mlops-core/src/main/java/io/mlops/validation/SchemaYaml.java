package io.mlops.validation;

import io.mlops.data.TextValues;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Renders a {@link DataSchema} as the YAML layout of DESIGN.md §3: one flow mapping per column. */
final class SchemaYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|null|y|n|~)");

    private SchemaYaml() {
    }

    static String render(final DataSchema schema) {
        var out = new StringBuilder();
        out.append("columns:\n");
        int width = schema.columns().keySet().stream().mapToInt(k -> scalar(k).length()).max().orElse(0) + 1;
        for (Map.Entry<String, ColumnSpec> entry : schema.columns().entrySet()) {
            var key = scalar(entry.getKey()) + ":";
            out.append("  ").append(key).append(" ".repeat(Math.max(1, width - key.length() + 2)))
                    .append(column(entry.getValue())).append('\n');
        }
        if (schema.rows() != null) {
            out.append("rows: {");
            var parts = new StringBuilder();
            if (schema.rows().min() != null) {
                parts.append("min: ").append(schema.rows().min());
            }
            if (schema.rows().max() != null) {
                parts.append(parts.isEmpty() ? "" : ", ").append("max: ").append(schema.rows().max());
            }
            out.append(parts).append("}\n");
        }
        out.append("extraColumns: ").append(schema.extraColumnsPolicy().id())
                .append("        # error | warning | ignore\n");
        var drift = schema.driftSpec();
        out.append("drift:                     # used when a reference dataset is given\n");
        out.append("  method: ").append(drift.method() == null ? "auto" : drift.method().id())
                .append("             # auto | ks | chi2 | z | wasserstein | jensen_shannon | psi\n");
        out.append("  threshold: ").append(drift.threshold() == null ? "null" : number(drift.threshold()))
                .append("          # null = the method's default\n");
        out.append("  shareThreshold: ").append(number(drift.shareThreshold() == null ? 0.5 : drift.shareThreshold()))
                .append('\n');
        if (drift.columns() != null) {
            out.append("  columns: ").append(list(List.copyOf(drift.columns()))).append('\n');
        }
        return out.toString();
    }

    private static String column(final ColumnSpec spec) {
        var parts = new StringBuilder("{");
        append(parts, "type", spec.type() == null ? null : spec.type().id());
        append(parts, "nullable", spec.nullable());
        append(parts, "unique", spec.unique());
        append(parts, "min", spec.min());
        append(parts, "max", spec.max());
        append(parts, "maxMissingFraction", spec.maxMissingFraction());
        if (spec.allowed() != null) {
            append(parts, "allowed", list(spec.allowed()));
        }
        if (spec.pattern() != null) {
            append(parts, "pattern", quoted(spec.pattern()));
        }
        return parts.append('}').toString();
    }

    private static void append(final StringBuilder parts, final String key, final Object value) {
        if (value == null) {
            return;
        }
        if (parts.length() > 1) {
            parts.append(", ");
        }
        parts.append(key).append(": ").append(value instanceof String text && !text.startsWith("[")
                && !text.startsWith("'") ? scalar(text) : value instanceof Double d ? number(d) : value);
    }

    private static String list(final List<?> values) {
        var out = new StringBuilder("[");
        for (Object value : values) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(value instanceof Number n ? number(n.doubleValue()) : scalar(String.valueOf(value)));
        }
        return out.append(']').toString();
    }

    private static String number(final double value) {
        return TextValues.formatNumber(value);
    }

    /** A plain scalar where YAML reads it back as the same string, else single-quoted. */
    static String scalar(final String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.matcher(text).matches()) {
            return text;
        }
        return quoted(text);
    }

    private static String quoted(final String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
