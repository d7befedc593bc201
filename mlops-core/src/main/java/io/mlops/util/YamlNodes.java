package io.mlops.util;

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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the configuration files users write (a data schema, a gates file: YAML, or JSON, which YAML reads too)
 * from SnakeYAML's node tree. Every node keeps its line and column, so each structural error names where it is;
 * and reading a small file this way starts several times faster than data binding (no bean introspection).
 */
public final class YamlNodes {
    private final String file;
    private final String what;

    /**
     * @param file the file, as errors name it
     * @param what what the file is, as errors name it: "schema", "gates file"
     */
    public YamlNodes(final String file, final String what) {
        this.file = file;
        this.what = what;
    }

    /**
     * Reads a configuration file's text.
     *
     * @throws InputException naming the file when it cannot be read or is not UTF-8
     */
    public static String readText(final Path file, final String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException | RuntimeException e) {
            throw new InputException(file, "cannot read " + what + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * Parses the text into a node tree.
     *
     * @return the root node, or null when the text holds no document (or only null)
     * @throws InputException naming line and column of a syntax error
     */
    public Node compose(final String text) {
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
                    "invalid " + what + ": YAML syntax: " + (e.getProblem() == null ? e.getContext() : e.getProblem()));
        }
        catch (RuntimeException e) {
            throw new InputException(file, 0, 0, "invalid " + what + ": " + e.getMessage());
        }
        return root == null || isNull(root) ? null : root;
    }

    /** The entries of a mapping whose keys the user chooses (column or metric names), each key once. */
    public Map<String, Node> entries(final Node node, final String path) {
        var entries = new LinkedHashMap<String, Node>();
        for (NodeTuple tuple : mappingNode(node, path).getValue()) {
            var key = text(tuple.getKeyNode(), path);
            if (entries.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), path, "'" + key + "' is defined twice");
            }
        }
        return entries;
    }

    /** The keys of a mapping, each checked against the allowed ones. */
    public Map<String, Node> mapping(final Node node, final String path, final Set<String> allowed) {
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

    public MappingNode mappingNode(final Node node, final String path) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, path, "expected a mapping of keys to values, such as {key: value}");
    }

    public <T> T optional(final Node node, final Function<Node, T> read) {
        return node == null || isNull(node) ? null : read.apply(node);
    }

    public <T> T parse(final Node node, final String path, final Function<String, T> parser) {
        var value = text(node, path);
        try {
            return parser.apply(value);
        }
        catch (InputException e) {
            throw error(node, path, e.getDetail());
        }
    }

    public String text(final Node node, final String path) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, path, "expected a single value");
    }

    public Boolean bool(final Node node, final String path) {
        var value = scalar(node);
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw error(node, path, "expected true or false, found '" + value + "'");
    }

    public Double number(final Node node, final String path) {
        if (scalar(node) instanceof Number number) {
            return number.doubleValue();
        }
        throw error(node, path, "expected a number, found '" + text(node, path) + "'");
    }

    public Long whole(final Node node, final String path) {
        if (scalar(node) instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw error(node, path, "expected a whole number, found '" + text(node, path) + "'");
    }

    public List<Object> list(final Node node, final String path) {
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
    public Object scalar(final Node node) {
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
            return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT))
                    || "yes".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value) || "y".equalsIgnoreCase(value);
        }
        return scalar.getValue();
    }

    public static boolean isNull(final Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** An error at a node: file, line and column, the path of keys leading to it, and what was wrong. */
    public InputException error(final Node node, final String path, final String detail) {
        var mark = node.getStartMark();
        return new InputException(file, mark.getLine() + 1, mark.getColumn() + 1,
                "invalid " + what + ": " + (path.isEmpty() ? "" : "at " + path + ": ") + detail);
    }
}
