package io.mlops.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a GitHub Flavored Markdown table. Cells are {@link Markdown} or any other value, which is shown as
 * by {@link DisplayValues#of(Object)} and escaped; a column whose cells are all numbers is right-aligned.
 */
public final class MarkdownTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] textColumn;

    public MarkdownTable(final String... headers) {
        this(List.of(headers));
    }

    public MarkdownTable(final List<String> headers) {
        this.headers = List.copyOf(headers);
        this.textColumn = new boolean[headers.size()];
    }

    /** Adds a row with one cell per header. */
    public MarkdownTable row(final Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size()
                    + " columns");
        }
        var row = new ArrayList<String>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            var cell = cells[i];
            if (cell != null && !(cell instanceof Number)) {
                textColumn[i] = true;
            }
            row.add(cell instanceof Markdown markdown ? markdown.toString() : Markdown.escape(DisplayValues.of(cell)));
        }
        rows.add(row);
        return this;
    }

    /** The table source, one line per row, without a trailing newline. */
    public Markdown toMarkdown() {
        var lines = new ArrayList<String>();
        lines.add(line(headers.stream().map(Markdown::escape).toList()));
        var alignment = new ArrayList<String>();
        for (int i = 0; i < headers.size(); i++) {
            alignment.add(textColumn[i] || rows.isEmpty() ? "---" : "---:");
        }
        lines.add(line(alignment));
        rows.forEach(row -> lines.add(line(row)));
        return Markdown.trusted(String.join("\n", lines));
    }

    private static String line(final List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
