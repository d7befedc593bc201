package io.mlops.report;

import java.util.List;
import java.util.Objects;

/**
 * A fragment of Markdown (GitHub Flavored) that is safe by construction: text is escaped on the way in, so
 * user data can neither break a table ({@code |}, newlines), nor open code spans, emphasis or links, nor
 * smuggle HTML, nor @-mention people when the report is posted as a pull-request comment.
 */
public final class Markdown {
    /** Nothing. */
    public static final Markdown EMPTY = new Markdown("");

    private static final String PUNCTUATION_TO_ESCAPE = "\\`*_[]|~#";

    private final String markdown;

    private Markdown(final String markdown) {
        this.markdown = markdown;
    }

    /** Escaped text (or the string form of any value; null becomes empty). */
    public static Markdown text(final Object value) {
        return value == null ? EMPTY : new Markdown(escape(value.toString()));
    }

    /** Escaped text in bold. */
    public static Markdown bold(final Object value) {
        var text = text(value);
        return text.markdown.isEmpty() ? EMPTY : new Markdown("**" + text.markdown + "**");
    }

    /** Joins fragments in order. */
    public static Markdown concat(final Markdown... parts) {
        return concat(List.of(parts));
    }

    /** Joins fragments in order. */
    public static Markdown concat(final List<Markdown> parts) {
        var joined = new StringBuilder();
        for (Markdown part : parts) {
            joined.append(Objects.requireNonNull(part, "part").markdown);
        }
        return new Markdown(joined.toString());
    }

    /**
     * Escapes text for inline Markdown: line breaks and other control characters become spaces, HTML
     * characters become entities, Markdown punctuation gets a backslash, {@code @} gets a zero-width space
     * after it, and a leading list or heading marker is escaped.
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
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c < 0x20 || c == 0x7f) {
                escaped.append(' ');
            }
            else if (c == '&') {
                escaped.append("&amp;");
            }
            else if (c == '<') {
                escaped.append("&lt;");
            }
            else if (c == '>') {
                escaped.append("&gt;");
            }
            else if (c == '@') {
                escaped.append("@&#8203;");
            }
            else if (PUNCTUATION_TO_ESCAPE.indexOf(c) >= 0) {
                escaped.append('\\').append(c);
            }
            else {
                escaped.append(c);
            }
        }
        return escapeLeadingBlockMarker(escaped.toString());
    }

    /** Markup produced by a builder of this package that has escaped all text it contains. */
    static Markdown trusted(final String markdown) {
        return new Markdown(markdown);
    }

    public boolean isEmpty() {
        return markdown.isEmpty();
    }

    /** The Markdown source. */
    @Override
    public String toString() {
        return markdown;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Markdown md && md.markdown.equals(markdown);
    }

    @Override
    public int hashCode() {
        return markdown.hashCode();
    }

    /** Text placed at the start of a line must not turn into a list item ("- ", "+ ", "1. ", "2) "). */
    private static String escapeLeadingBlockMarker(final String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if ((first == '-' || first == '+') && isSpaceOrEnd(text, 1)) {
            return "\\" + text;
        }
        int digits = 0;
        while (digits < text.length() && digits < 10 && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < text.length() && (text.charAt(digits) == '.' || text.charAt(digits) == ')')
                && isSpaceOrEnd(text, digits + 1)) {
            return text.substring(0, digits) + "\\" + text.substring(digits);
        }
        return text;
    }

    private static boolean isSpaceOrEnd(final String text, final int index) {
        return index >= text.length() || text.charAt(index) == ' ';
    }
}
