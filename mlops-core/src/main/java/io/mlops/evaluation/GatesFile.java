package io.mlops.evaluation;

import io.mlops.util.InputException;
import io.mlops.util.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a gates file (YAML or JSON): metric names mapped to MLflow {@code MetricThreshold} fields, validated as
 * MLflow validates them, and the sections {@code slices} and {@code fairness}:
 *
 * <pre>
 * roc_auc: {threshold: 0.8, min_absolute_change: 0.005, greater_is_better: true, confidence: 0.95}
 * slices:
 *   region: {accuracy_score: {threshold: 0.7, greater_is_better: true}}
 * fairness:
 *   gender: {disparate_impact: {threshold: 0.8, greater_is_better: true}}
 * </pre>
 */
public final class GatesFile {
    private static final String SLICES = "slices";
    private static final String FAIRNESS = "fairness";
    private static final Set<String> GATE = Set.of("threshold", "min_absolute_change", "min_relative_change",
            "greater_is_better", "higher_is_better", "confidence");

    private final YamlNodes yaml;

    private GatesFile(final YamlNodes yaml) {
        this.yaml = yaml;
    }

    /**
     * Reads and checks a gates file.
     *
     * @throws InputException naming file, line and column of the first problem
     */
    public static Gates read(final Path file) {
        return parse(file.toString(), YamlNodes.readText(file, "gates file"));
    }

    /** Reads gates from text; {@code file} names it in errors. */
    static Gates parse(final String file, final String text) {
        var yaml = new YamlNodes(file, "gates file");
        var root = yaml.compose(text);
        if (root == null) {
            throw new InputException(file, 0, 0, "the gates file is empty: expected gates such as "
                    + "'accuracy_score: {threshold: 0.8, greater_is_better: true}'");
        }
        return new GatesFile(yaml).gates(root);
    }

    private Gates gates(final Node root) {
        var metrics = new ArrayList<MetricGate>();
        var slices = new LinkedHashMap<String, List<MetricGate>>();
        var fairness = new LinkedHashMap<String, List<MetricGate>>();
        for (Map.Entry<String, Node> entry : yaml.entries(root, "").entrySet()) {
            switch (entry.getKey()) {
                case SLICES -> slices.putAll(grouped(entry.getValue(), SLICES));
                case FAIRNESS -> fairness.putAll(grouped(entry.getValue(), FAIRNESS));
                default -> metrics.add(gate(entry.getKey(), entry.getValue(), entry.getKey()));
            }
        }
        return new Gates(List.copyOf(metrics), Map.copyOf(slices), Map.copyOf(fairness));
    }

    /** column (or attribute) → metric → gate. */
    private Map<String, List<MetricGate>> grouped(final Node node, final String section) {
        var groups = new LinkedHashMap<String, List<MetricGate>>();
        for (Map.Entry<String, Node> column : yaml.entries(node, section).entrySet()) {
            var path = section + "." + column.getKey();
            var gates = new ArrayList<MetricGate>();
            for (Map.Entry<String, Node> metric : yaml.entries(column.getValue(), path).entrySet()) {
                gates.add(gate(metric.getKey(), metric.getValue(), path + "." + metric.getKey()));
            }
            groups.put(column.getKey(), List.copyOf(gates));
        }
        return groups;
    }

    /** One MetricThreshold, checked as MLflow's constructor checks it. */
    private MetricGate gate(final String metric, final Node node, final String path) {
        var fields = yaml.mapping(node, path, GATE);
        Double threshold = yaml.optional(fields.get("threshold"), n -> yaml.number(n, path + ".threshold"));
        Double absolute = yaml.optional(fields.get("min_absolute_change"),
                n -> yaml.number(n, path + ".min_absolute_change"));
        Double relative = yaml.optional(fields.get("min_relative_change"),
                n -> yaml.number(n, path + ".min_relative_change"));
        Boolean greater = yaml.optional(fields.get("greater_is_better"),
                n -> yaml.bool(n, path + ".greater_is_better"));
        Boolean higher = yaml.optional(fields.get("higher_is_better"), n -> yaml.bool(n, path + ".higher_is_better"));
        Double confidence = yaml.optional(fields.get("confidence"), n -> yaml.number(n, path + ".confidence"));
        if (absolute != null && absolute <= 0) {
            throw yaml.error(fields.get("min_absolute_change"), path, "min_absolute_change must be a positive number");
        }
        if (relative != null && (relative < 0 || relative > 1)) {
            throw yaml.error(fields.get("min_relative_change"), path, "min_relative_change must be between 0 and 1");
        }
        if (confidence != null && (confidence <= 0 || confidence >= 1)) {
            throw yaml.error(fields.get("confidence"), path, "confidence must be between 0 and 1, e.g. 0.95");
        }
        if (greater != null && higher != null) {
            throw yaml.error(fields.get("higher_is_better"), path,
                    "give greater_is_better or its deprecated name higher_is_better, not both");
        }
        if (greater == null && higher == null) {
            throw yaml.error(node, path, "greater_is_better must be given (true or false)");
        }
        if (threshold == null && absolute == null && relative == null) {
            throw yaml.error(node, path, "no threshold: give threshold, min_absolute_change or min_relative_change");
        }
        return new MetricGate(metric, threshold, absolute, relative, greater != null ? greater : higher, confidence);
    }
}
