package io.mlops.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds report.md: a status headline from the {@link ReportHeader}, then blocks that a kind-specific writer
 * adds (headings, paragraphs, lists, tables, collapsible details), separated by blank lines as GitHub, GitLab
 * and Jenkins job summaries expect.
 */
public final class MarkdownDocument {
    private final List<String> blocks = new ArrayList<>();

    /** An empty document, e.g. for the body of {@link #details(String, MarkdownDocument)}. */
    public MarkdownDocument() {
        // blocks are added by the builder methods
    }

    /** A document that starts with the report's status headline, summary and timing. */
    public static MarkdownDocument withHeadline(final ReportHeader header) {
        var status = header.status();
        var document = new MarkdownDocument();
        document.blocks.add("## " + symbol(status) + " " + Markdown.escape(header.kind().title()) + " "
                + status.name().toLowerCase(Locale.ROOT));
        if (!header.summary().isEmpty()) {
            document.paragraph(Markdown.text(header.summary()));
        }
        document.paragraph(Markdown.trusted("<sub>" + Markdown.escape("Started " + DisplayValues.time(header.startedAt())
                + " · took " + DisplayValues.duration(header.durationMs()) + " · mlops " + header.kind().step())
                + "</sub>"));
        return document;
    }

    /** A heading; level 3 and below suit sections under the headline. */
    public MarkdownDocument heading(final int level, final String text) {
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("heading level must be 1 to 6, was " + level);
        }
        blocks.add("#".repeat(level) + " " + Markdown.escape(text));
        return this;
    }

    public MarkdownDocument paragraph(final Markdown text) {
        if (!text.isEmpty()) {
            blocks.add(text.toString());
        }
        return this;
    }

    /** A bulleted list, one item per fragment. */
    public MarkdownDocument bullets(final List<Markdown> items) {
        if (!items.isEmpty()) {
            blocks.add(String.join("\n", items.stream().map(item -> "- " + item).toList()));
        }
        return this;
    }

    public MarkdownDocument table(final MarkdownTable table) {
        blocks.add(table.toMarkdown().toString());
        return this;
    }

    /** A collapsed {@code <details>} block with a summary line and a body. */
    public MarkdownDocument details(final String summary, final MarkdownDocument body) {
        blocks.add("<details>\n<summary>" + Html.escape(summary.replaceAll("\\s+", " ")) + "</summary>\n\n"
                + body.render() + "\n</details>");
        return this;
    }

    /** The Markdown source, ending with a newline. */
    public String render() {
        return String.join("\n\n", blocks) + "\n";
    }

    private static String symbol(final Status status) {
        return switch (status) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case ERROR -> "⛔";
            case INCONCLUSIVE -> "❔";
        };
    }
}
