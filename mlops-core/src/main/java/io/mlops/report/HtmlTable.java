package io.mlops.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an HTML table. Cells are {@link Html} markup or any other value, which is shown as by
 * {@link DisplayValues#of(Object)} and escaped; numbers are right-aligned.
 */
public final class HtmlTable {
    private final String cssClass;
    private final List<String> headers;
    private final List<Html> rows = new ArrayList<>();

    /**
     * Starts a table.
     *
     * @param cssClass the table's class (lets the page style and tests find it), or null
     * @param headers  the column headings
     */
    public HtmlTable(final String cssClass, final List<String> headers) {
        this.cssClass = cssClass;
        this.headers = List.copyOf(headers);
    }

    /** Adds a row without a class. */
    public HtmlTable row(final Object... cells) {
        return rowWithClass(null, cells);
    }

    /** Adds a row with a class, e.g. {@code failed}, which the page's CSS colours. */
    public HtmlTable rowWithClass(final String rowClass, final Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size()
                    + " columns");
        }
        var row = HtmlElement.of("tr").cls(rowClass);
        for (Object cell : cells) {
            row.add(cell(cell));
        }
        rows.add(row.toHtml());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The finished table. */
    public Html toHtml() {
        var head = HtmlElement.of("tr");
        for (String header : headers) {
            head.add(HtmlElement.of("th").attr("scope", "col").text(header));
        }
        return HtmlElement.of("div").cls("table-scroll").add(HtmlElement.of("table").cls(cssClass)
                .add(HtmlElement.of("thead").add(head))
                .add(HtmlElement.of("tbody").addAll(rows))).toHtml();
    }

    private static HtmlElement cell(final Object value) {
        if (value instanceof Html markup) {
            return HtmlElement.of("td").add(markup);
        }
        var cell = HtmlElement.of("td").text(DisplayValues.of(value));
        return value instanceof Number ? cell.cls("num") : cell;
    }
}
