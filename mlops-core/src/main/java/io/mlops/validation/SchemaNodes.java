package io.mlops.validation;

import io.mlops.util.InputException;
import io.mlops.util.YamlNodes;
import io.mlops.validation.drift.DriftMethod;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns the text of a schema file (YAML, or JSON, which YAML reads too) into a {@link DataSchema}, with every
 * structural error located ({@link YamlNodes}).
 */
final class SchemaNodes {
    private static final Set<String> TOP = Set.of("columns", "rows", "extraColumns", "drift");
    private static final Set<String> COLUMN = Set.of("type", "nullable", "unique", "min", "max",
            "maxMissingFraction", "allowed", "pattern");
    private static final Set<String> ROWS = Set.of("min", "max");
    private static final Set<String> DRIFT = Set.of("method", "threshold", "shareThreshold", "columns");

    private final YamlNodes yaml;

    private SchemaNodes(final YamlNodes yaml) {
        this.yaml = yaml;
    }

    /**
     * Reads a schema.
     *
     * @return the schema, or null when the text holds no document
     * @throws InputException naming line and column of a syntax or structure error
     */
    static DataSchema read(final String file, final String text) {
        var yaml = new YamlNodes(file, "schema");
        var root = yaml.compose(text);
        return root == null ? null : new SchemaNodes(yaml).schema(root);
    }

    private DataSchema schema(final Node root) {
        var fields = yaml.mapping(root, "", TOP);
        var columns = new LinkedHashMap<String, ColumnSpec>();
        var columnsNode = fields.get("columns");
        if (columnsNode != null && !YamlNodes.isNull(columnsNode)) {
            for (NodeTuple tuple : yaml.mappingNode(columnsNode, "columns").getValue()) {
                var name = yaml.text(tuple.getKeyNode(), "columns");
                if (columns.containsKey(name)) {
                    throw yaml.error(tuple.getKeyNode(), "columns", "column '" + name + "' is defined twice");
                }
                columns.put(name, column(tuple.getValueNode(), "columns." + name));
            }
        }
        return new DataSchema(columns, yaml.optional(fields.get("rows"), this::rows),
                yaml.optional(fields.get("extraColumns"), node -> yaml.parse(node, "extraColumns", ExtraColumns::of)),
                yaml.optional(fields.get("drift"), this::drift));
    }

    private ColumnSpec column(final Node node, final String path) {
        if (YamlNodes.isNull(node)) {
            return null;
        }
        var fields = yaml.mapping(node, path, COLUMN);
        return new ColumnSpec(
                yaml.optional(fields.get("type"), n -> yaml.parse(n, path + ".type", ColumnType::of)),
                yaml.optional(fields.get("nullable"), n -> yaml.bool(n, path + ".nullable")),
                yaml.optional(fields.get("unique"), n -> yaml.bool(n, path + ".unique")),
                yaml.optional(fields.get("min"), yaml::scalar),
                yaml.optional(fields.get("max"), yaml::scalar),
                yaml.optional(fields.get("maxMissingFraction"), n -> yaml.number(n, path + ".maxMissingFraction")),
                yaml.optional(fields.get("allowed"), n -> yaml.list(n, path + ".allowed")),
                yaml.optional(fields.get("pattern"), n -> yaml.text(n, path + ".pattern")));
    }

    private RowsSpec rows(final Node node) {
        var fields = yaml.mapping(node, "rows", ROWS);
        return new RowsSpec(yaml.optional(fields.get("min"), n -> yaml.whole(n, "rows.min")),
                yaml.optional(fields.get("max"), n -> yaml.whole(n, "rows.max")));
    }

    private DriftSpec drift(final Node node) {
        var fields = yaml.mapping(node, "drift", DRIFT);
        List<String> columns = yaml.optional(fields.get("columns"), n -> yaml.list(n, "drift.columns").stream()
                .map(String::valueOf).toList());
        return new DriftSpec(yaml.optional(fields.get("method"), n -> yaml.parse(n, "drift.method", DriftMethod::of)),
                yaml.optional(fields.get("threshold"), n -> yaml.number(n, "drift.threshold")),
                yaml.optional(fields.get("shareThreshold"), n -> yaml.number(n, "drift.shareThreshold")), columns);
    }
}
