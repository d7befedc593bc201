package io.mlops.report;

import java.util.List;
import java.util.Objects;

/**
 * A fragment of HTML markup that is safe by construction: text is always escaped on the way in, and markup
 * can only be made by {@link HtmlElement}, {@link HtmlTable}, {@link SvgBarChart} and the other builders of
 * this package, which escape every piece of text they are given. Code outside this package therefore cannot
 * place user data (column names, category values, messages, file paths) into a report unescaped.
 */
public final class Html {
    /** No markup at all. */
    public static final Html EMPTY = new Html("");

    private final String markup;

    private Html(final String markup) {
        this.markup = markup;
    }

    /** Escapes text (or the string form of any value; null becomes empty) for element content. */
    public static Html text(final Object value) {
        return value == null ? EMPTY : new Html(escape(value.toString()));
    }

    /** Joins fragments in order. */
    public static Html concat(final Html... parts) {
        return concat(List.of(parts));
    }

    /** Joins fragments in order. */
    public static Html concat(final List<Html> parts) {
        var joined = new StringBuilder();
        for (Html part : parts) {
            joined.append(Objects.requireNonNull(part, "part").markup);
        }
        return new Html(joined.toString());
    }

    /**
     * Escapes the five characters that are special in HTML text and in quoted attribute values, and replaces
     * control characters with U+FFFD.
     *
     * @param text any text; null becomes empty
     */
    public static String escape(final String text) {
        if (text == null) {
            return "";
        }
        var escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(isControl(c) ? '\uFFFD' : c);
            }
        }
        return escaped.toString();
    }

    /** C0 controls other than tab and line breaks are parse errors in HTML and show as boxes. */
    private static boolean isControl(final char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
    }

    /** Markup produced by a builder of this package that has escaped all text it contains. */
    static Html trusted(final String markup) {
        return new Html(markup);
    }

    public boolean isEmpty() {
        return markup.isEmpty();
    }

    /** The markup. */
    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Html html && html.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }
}
