package io.mlops.evaluation;

import io.mlops.data.DataFormat;
import io.mlops.data.DatasetReader;
import io.mlops.data.ReaderLimits;
import io.mlops.data.RecordVisitor;
import io.mlops.data.TextValues;
import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Reads a predictions file (CSV, JSON Lines or Parquet) into {@link Predictions}: labels and predictions as class
 * indexes (classification) or numbers (regression), scores, ids and the attribute columns asked for. Every bad
 * value (a missing label, a score that is not a probability, a target that is not a number) is an
 * {@link InputException} naming file, line and column.
 */
final class PredictionsReader implements RecordVisitor {
    private static final int NONE = -1;

    private final String file;
    private final Task task;
    private final PredictionColumns names;
    private final List<String> attributeNames;

    private int labelColumn = NONE;
    private int predictionColumn = NONE;
    private int scoreColumn = NONE;
    private int idColumn = NONE;
    /** multiclass: file column → the class its score_<class> column is for. */
    private final Map<Integer, String> classScoreColumns = new LinkedHashMap<>();
    private final Map<Integer, String> attributeColumns = new LinkedHashMap<>();
    private List<String> header;

    private final Map<String, Integer> labelCodes = new HashMap<>();
    private final Map<String, Integer> writtenCodes = new HashMap<>();
    private final List<String> labelValues = new ArrayList<>();
    private final IntStream.Builder labels = IntStream.builder();
    private final IntStream.Builder predictions = IntStream.builder();
    private final DoubleStream.Builder actuals = DoubleStream.builder();
    private final DoubleStream.Builder estimates = DoubleStream.builder();
    private final DoubleStream.Builder scores = DoubleStream.builder();
    private final Map<String, DoubleStream.Builder> classScores = new LinkedHashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final LongStream.Builder lines = LongStream.builder();
    private final Map<String, Map<String, Integer>> attributeCodes = new LinkedHashMap<>();
    private final Map<String, IntStream.Builder> attributeRows = new LinkedHashMap<>();
    private long line;

    private PredictionsReader(final String file, final Task task, final PredictionColumns names,
            final List<String> attributeNames) {
        this.file = file;
        this.task = task;
        this.names = names;
        this.attributeNames = List.copyOf(attributeNames);
    }

    /**
     * Reads a predictions file.
     *
     * @param attributes the slice and sensitive columns to keep
     * @param positiveLabel binary: the positive class, or null for MLflow's default (the last label in sorted order)
     * @throws InputException for a missing column or a bad value, naming file, line and column
     */
    static Predictions read(final Path path, final DataFormat format, final Task task, final PredictionColumns names,
            final String positiveLabel, final List<String> attributes) throws IOException {
        return read(path, format, task, names, positiveLabel, attributes, null);
    }

    /**
     * Reads a predictions file whose classes are known from another file (a baseline read after the candidate):
     * the classes are those, in their order, plus any the file adds.
     */
    static Predictions read(final Path path, final DataFormat format, final Task task, final PredictionColumns names,
            final String positiveLabel, final List<String> attributes, final List<String> knownClasses)
            throws IOException {
        var reader = new PredictionsReader(path.toString(), task, names, attributes);
        String sha256;
        try (var data = DatasetReader.open(path, format, ReaderLimits.DEFAULT)) {
            data.read(reader);
            sha256 = data.sha256();
        }
        if (reader.header == null) {
            throw new InputException(path, "the file is empty: expected a header with the columns "
                    + names.label() + " and " + names.prediction());
        }
        return reader.build(format, sha256, positiveLabel, knownClasses);
    }

    @Override
    public void header(final List<String> columns) {
        header = List.copyOf(columns);
        for (int c = 0; c < columns.size(); c++) {
            var name = columns.get(c);
            if (name.equals(names.label())) {
                labelColumn = c;
            }
            else if (name.equals(names.prediction())) {
                predictionColumn = c;
            }
            else if (name.equals(names.score()) && task == Task.BINARY) {
                scoreColumn = c;
            }
            else if (name.startsWith(names.score() + "_") && task == Task.MULTICLASS) {
                classScoreColumns.put(c, name.substring(names.score().length() + 1));
            }
            else if (name.equals(names.id())) {
                idColumn = c;
            }
            if (attributeNames.contains(name)) {
                attributeColumns.put(c, name);
            }
        }
        requireColumn(labelColumn, names.label(), "label");
        requireColumn(predictionColumn, names.prediction(), "prediction");
        for (String attribute : attributeNames) {
            if (!attributeColumns.containsValue(attribute)) {
                throw new InputException(file, 1, 0, "no column '" + attribute + "' to slice by or to measure "
                        + "fairness across; the columns are " + String.join(", ", header));
            }
            attributeCodes.put(attribute, new HashMap<>());
            attributeRows.put(attribute, IntStream.builder());
        }
        classScoreColumns.values().forEach(c -> classScores.put(c, DoubleStream.builder()));
    }

    private void requireColumn(final int column, final String name, final String role) {
        if (column == NONE) {
            throw new InputException(file, 1, 0, "no " + role + " column '" + name + "'; the columns are "
                    + String.join(", ", header) + " (set the " + role + " column's name if it differs)");
        }
    }

    @Override
    public void startRecord(final long row, final long line) {
        this.line = line;
        lines.add(line);
    }

    @Override
    public void text(final int column, final char[] buffer, final int offset, final int length) {
        if (numeric(column)) {
            number(column, parse(column, buffer, offset, length), buffer, offset, length);
        }
        if (textual(column)) {
            text(column, new String(buffer, offset, length));
        }
    }

    @Override
    public void number(final int column, final double value) {
        if (numeric(column)) {
            number(column, value, null, 0, 0);
        }
        if (textual(column)) {
            text(column, TextValues.formatNumber(value));
        }
    }

    @Override
    public void bool(final int column, final boolean value) {
        if (numeric(column)) {
            throw error(column, "expected a number, found '" + value + "'");
        }
        if (textual(column)) {
            text(column, Boolean.toString(value));
        }
    }

    @Override
    public void missing(final int column) {
        if (column == labelColumn || column == predictionColumn || column == scoreColumn
                || classScoreColumns.containsKey(column) || column == idColumn) {
            throw error(column, "missing value: every row needs its " + header.get(column));
        }
        if (attributeColumns.containsKey(column)) {
            // a missing group value is a group of its own, as pandas' groupby(dropna=False) keeps it
            attribute(attributeColumns.get(column), "");
        }
    }

    @Override
    public void endRecord() {
        // every column was given exactly once (the readers guarantee it); nothing to complete
    }

    /** Columns read as numbers: scores, and the target and prediction of a regression. */
    private boolean numeric(final int column) {
        return column == scoreColumn || classScoreColumns.containsKey(column)
                || !task.classification() && (column == labelColumn || column == predictionColumn);
    }

    /** Columns read as text: class labels, ids and group values. */
    private boolean textual(final int column) {
        return task.classification() && (column == labelColumn || column == predictionColumn) || column == idColumn
                || attributeColumns.containsKey(column);
    }

    /**
     * A numeric column's value. Scores must be probabilities; {@code buffer} holds the text as the file wrote it,
     * for the message, or is null for a value the file typed.
     */
    private void number(final int column, final double value, final char[] buffer, final int offset,
            final int length) {
        if (column == labelColumn) {
            actuals.add(value);
        }
        else if (column == predictionColumn) {
            estimates.add(value);
        }
        else {
            if (!(value >= 0 && value <= 1)) {
                var shown = buffer == null ? TextValues.formatNumber(value) : new String(buffer, offset, length);
                throw error(column, "expected a probability between 0 and 1, found '" + TextValues.clip(shown) + "'");
            }
            var perClass = classScoreColumns.get(column);
            (perClass == null ? scores : classScores.get(perClass)).add(value);
        }
    }

    private void text(final int column, final String text) {
        if (column == labelColumn) {
            labels.add(code(text.strip()));
        }
        else if (column == predictionColumn) {
            predictions.add(code(text.strip()));
        }
        else if (column == idColumn) {
            ids.add(text);
        }
        if (attributeColumns.containsKey(column)) {
            attribute(attributeColumns.get(column), text);
        }
    }

    /**
     * A label's code, in order of first appearance; numbers are written the same however the file wrote them. The
     * code is looked up by the text as written first, so a label is parsed as a number only the first time.
     */
    private int code(final String label) {
        return writtenCodes.computeIfAbsent(label, written -> labelCodes.computeIfAbsent(canonical(written), key -> {
            labelValues.add(key);
            return labelValues.size() - 1;
        }));
    }

    private static String canonical(final String label) {
        try {
            var chars = label.toCharArray();
            return TextValues.formatNumber(TextValues.parseDouble(chars, 0, chars.length));
        }
        catch (IllegalArgumentException e) {
            return label;
        }
    }

    private void attribute(final String attribute, final String value) {
        var codes = attributeCodes.get(attribute);
        attributeRows.get(attribute).add(codes.computeIfAbsent(value, key -> codes.size()));
    }

    private double parse(final int column, final char[] buffer, final int offset, final int length) {
        try {
            return TextValues.parseDouble(buffer, offset, length);
        }
        catch (IllegalArgumentException e) {
            throw error(column, "expected a number, found '" + TextValues.clip(new String(buffer, offset, length)) + "'");
        }
    }

    private InputException error(final int column, final String detail) {
        return new InputException(file, line, column + 1, header.get(column) + ": " + detail);
    }

    private Predictions build(final DataFormat format, final String sha256, final String positiveLabel,
            final List<String> knownClasses) {
        var rowLines = lines.build().toArray();
        if (rowLines.length == 0) {
            throw new InputException(Path.of(file), "no rows: a predictions file needs at least one row");
        }
        var attributes = new LinkedHashMap<String, Predictions.Attribute>();
        for (String name : attributeNames) {
            attributes.put(name, attribute(attributeCodes.get(name), attributeRows.get(name).build().toArray()));
        }
        var idArray = idColumn == NONE ? null : ids.toArray(String[]::new);
        if (!task.classification()) {
            return new Predictions(file, format.id(), sha256, task, List.of(), null, null, null, null,
                    actuals.build().toArray(), estimates.build().toArray(), idArray, rowLines, attributes);
        }
        List<String> classes;
        if (knownClasses == null) {
            classes = sortedClasses(positiveLabel);
        }
        else {
            var all = new ArrayList<>(knownClasses);
            labelValues.stream().filter(c -> !all.contains(c)).sorted().forEach(all::add);
            classes = List.copyOf(all);
        }
        var order = new int[labelValues.size()];
        for (int code = 0; code < order.length; code++) {
            order[code] = classes.indexOf(labelValues.get(code));
        }
        var labelIndexes = Arrays.stream(labels.build().toArray()).map(code -> order[code]).toArray();
        var predictedIndexes = Arrays.stream(predictions.build().toArray()).map(code -> order[code]).toArray();
        double[] score = null;
        double[][] perClass = null;
        if (task == Task.BINARY) {
            score = scoreColumn == NONE ? null : scores.build().toArray();
        }
        else if (!classScoreColumns.isEmpty()) {
            perClass = classScores(classes);
        }
        return new Predictions(file, format.id(), sha256, task, classes, labelIndexes, predictedIndexes, score,
                perClass, null, null, idArray, rowLines, attributes);
    }

    /**
     * The classes in MLflow's order: sorted numerically when every label is a number, else as text. For a binary
     * task the positive class goes last.
     */
    private List<String> sortedClasses(final String positiveLabel) {
        var classes = new ArrayList<>(labelValues);
        boolean numeric = classes.stream().allMatch(PredictionsReader::isNumber);
        classes.sort(numeric ? Comparator.comparingDouble(PredictionsReader::asNumber) : Comparator.naturalOrder());
        if (task != Task.BINARY) {
            if (classes.size() < 2) {
                throw new InputException(Path.of(file), "only one class (" + classes + ") among labels and "
                        + "predictions: a classifier's evaluation needs at least two");
            }
            return classes;
        }
        var positive = positiveLabel == null ? null : canonical(positiveLabel.strip());
        if (positive != null && !classes.contains(positive)) {
            classes.add(positive);
        }
        if (classes.size() != 2) {
            throw new InputException(Path.of(file), classes.size() < 2
                    ? "only one class (" + classes.get(0) + ") among labels and predictions: a binary evaluation "
                            + "needs two (give the positive label if it never occurs)"
                    : classes.size() + " classes among labels and predictions (" + String.join(", ",
                            classes.subList(0, Math.min(10, classes.size()))) + "): use the multiclass task");
        }
        if (positive != null && !classes.get(1).equals(positive)) {
            classes.add(classes.remove(0));
        }
        return List.copyOf(classes);
    }

    private static boolean isNumber(final String value) {
        try {
            var chars = value.toCharArray();
            TextValues.parseDouble(chars, 0, chars.length);
            return true;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static double asNumber(final String value) {
        var chars = value.toCharArray();
        return TextValues.parseDouble(chars, 0, chars.length);
    }

    private double[][] classScores(final List<String> classes) {
        var missing = classes.stream().filter(c -> !classScores.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(file, 1, 0, "no score column for class " + String.join(", ", missing)
                    + ": expected one " + names.score() + "_<class> column per class, found "
                    + String.join(", ", classScoreColumns.values().stream().map(c -> names.score() + "_" + c).toList()));
        }
        var perClass = new double[classes.size()][];
        for (int c = 0; c < classes.size(); c++) {
            perClass[c] = classScores.get(classes.get(c)).build().toArray();
        }
        return perClass;
    }

    private static Predictions.Attribute attribute(final Map<String, Integer> codes, final int[] rows) {
        var values = new ArrayList<>(codes.keySet());
        values.sort(Comparator.naturalOrder());
        var order = new int[values.size()];
        codes.forEach((value, code) -> order[code] = values.indexOf(value));
        return new Predictions.Attribute(List.copyOf(values), Arrays.stream(rows).map(code -> order[code]).toArray());
    }
}
