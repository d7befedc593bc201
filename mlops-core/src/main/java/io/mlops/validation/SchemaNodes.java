package io.mlops.validation;

import io.mlops.util.InputException;
import io.mlops.validation.drift.DriftMethod;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the text of a schema file (YAML, or JSON, which YAML reads too) into a {@link DataSchema} from
 * SnakeYAML's node tree. Every node keeps its line and column, so each structural error names where it is;
 * and reading a small file this way starts several times faster than data binding (no bean introspection).
 */
final class SchemaNodes {
    private static final Set<String> TOP = Set.of("columns", "rows", "extraColumns", "drift");
    private static final Set<String> COLUMN = Set.of("type", "nullable", "unique", "min", "max",
            "maxMissingFraction", "allowed", "pattern");
    private static final Set<String> ROWS = Set.of("min", "max");
    private static final Set<String> DRIFT = Set.of("method", "threshold", "shareThreshold", "columns");

    private final String file;

    private SchemaNodes(final String file) {
        this.file = file;
    }

    /**
     * Reads a schema.
     *
     * @return the schema, or null when the text holds no document
     * @throws InputException naming line and column of a syntax or structure error
     */
    static DataSchema read(final String file, final String text) {
        Node root;
        try {
            // composing only: new Yaml(...) would also build a constructor and a representer we do not use
            var options = new LoaderOptions();
            root = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
                    .getSingleNode();
        }
        catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() == null ? e.getContextMark() : e.getProblemMark();
            throw new InputException(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "invalid schema: YAML syntax: " + (e.getProblem() == null ? e.getContext() : e.getProblem()));
        }
        catch (RuntimeException e) {
            throw new InputException(file, 0, 0, "invalid schema: " + e.getMessage());
        }
        return root == null || isNull(root) ? null : new SchemaNodes(file).schema(root);
    }

    private DataSchema schema(final Node root) {
        var fields = mapping(root, "", TOP);
        var columns = new LinkedHashMap<String, ColumnSpec>();
        var columnsNode = fields.get("columns");
        if (columnsNode != null && !isNull(columnsNode)) {
            for (NodeTuple tuple : mappingNode(columnsNode, "columns").getValue()) {
                var name = text(tuple.getKeyNode(), "columns");
                if (columns.containsKey(name)) {
                    throw error(tuple.getKeyNode(), "columns", "column '" + name + "' is defined twice");
                }
                columns.put(name, column(tuple.getValueNode(), "columns." + name));
            }
        }
        return new DataSchema(columns, optional(fields.get("rows"), this::rows),
                optional(fields.get("extraColumns"), node -> parse(node, "extraColumns", ExtraColumns::of)),
                optional(fields.get("drift"), this::drift));
    }

    private ColumnSpec column(final Node node, final String path) {
        if (isNull(node)) {
            return null;
        }
        var fields = mapping(node, path, COLUMN);
        return new ColumnSpec(
                optional(fields.get("type"), n -> parse(n, path + ".type", ColumnType::of)),
                optional(fields.get("nullable"), n -> bool(n, path + ".nullable")),
                optional(fields.get("unique"), n -> bool(n, path + ".unique")),
                optional(fields.get("min"), this::scalar),
                optional(fields.get("max"), this::scalar),
                optional(fields.get("maxMissingFraction"), n -> number(n, path + ".maxMissingFraction")),
                optional(fields.get("allowed"), n -> list(n, path + ".allowed")),
                optional(fields.get("pattern"), n -> text(n, path + ".pattern")));
    }

    private RowsSpec rows(final Node node) {
        var fields = mapping(node, "rows", ROWS);
        return new RowsSpec(optional(fields.get("min"), n -> whole(n, "rows.min")),
                optional(fields.get("max"), n -> whole(n, "rows.max")));
    }

    private DriftSpec drift(final Node node) {
        var fields = mapping(node, "drift", DRIFT);
        List<String> columns = optional(fields.get("columns"), n -> list(n, "drift.columns").stream()
                .map(String::valueOf).toList());
        return new DriftSpec(optional(fields.get("method"), n -> parse(n, "drift.method", DriftMethod::of)),
                optional(fields.get("threshold"), n -> number(n, "drift.threshold")),
                optional(fields.get("shareThreshold"), n -> number(n, "drift.shareThreshold")), columns);
    }

    /** The keys of a mapping, each checked against the allowed ones. */
    private Map<String, Node> mapping(final Node node, final String path, final Set<String> allowed) {
        var fields = new LinkedHashMap<String, Node>();
        for (NodeTuple tuple : mappingNode(node, path).getValue()) {
            var key = text(tuple.getKeyNode(), path);
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), path, "unknown key '" + key + "'; expected one of "
                        + allowed.stream().sorted().toList());
            }
            if (fields.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), path, "duplicate key '" + key + "'");
            }
        }
        return fields;
    }

    private MappingNode mappingNode(final Node node, final String path) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, path, "expected a mapping of keys to values, such as {type: number}");
    }

    private <T> T optional(final Node node, final Function<Node, T> read) {
        return node == null || isNull(node) ? null : read.apply(node);
    }

    private <T> T parse(final Node node, final String path, final Function<String, T> parser) {
        var value = text(node, path);
        try {
            return parser.apply(value);
        }
        catch (InputException e) {
            throw error(node, path, e.getDetail());
        }
    }

    private String text(final Node node, final String path) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, path, "expected a single value");
    }

    private Boolean bool(final Node node, final String path) {
        var value = scalar(node);
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw error(node, path, "expected true or false, found '" + value + "'");
    }

    private Double number(final Node node, final String path) {
        if (scalar(node) instanceof Number number) {
            return number.doubleValue();
        }
        throw error(node, path, "expected a number, found '" + text(node, path) + "'");
    }

    private Long whole(final Node node, final String path) {
        if (scalar(node) instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw error(node, path, "expected a whole number, found '" + text(node, path) + "'");
    }

    private List<Object> list(final Node node, final String path) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, path, "expected a list such as [a, b]");
        }
        var values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode) || isNull(item)) {
                throw error(item, path, "expected plain values in the list");
            }
            values.add(scalar(item));
        }
        return values;
    }

    /** A scalar as YAML types it: integers, decimals, booleans; everything else (and every quoted value) as text. */
    private Object scalar(final Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, "", "expected a single value");
        }
        var value = scalar.getValue().replace("_", "");
        var tag = scalar.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                long number = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
                return number == (int) number ? (Object) (int) number : (Object) number;
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(value);
            }
        }
        catch (NumberFormatException e) {
            return scalar.getValue();
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT))
                    || "yes".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value) || "y".equalsIgnoreCase(value);
        }
        return scalar.getValue();
    }

    private static boolean isNull(final Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private InputException error(final Node node, final String path, final String detail) {
        var mark = node.getStartMark();
        return new InputException(file, mark.getLine() + 1, mark.getColumn() + 1,
                "invalid schema: " + (path.isEmpty() ? "" : "at " + path + ": ") + detail);
    }
}
