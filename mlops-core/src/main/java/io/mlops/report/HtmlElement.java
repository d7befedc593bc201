package io.mlops.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds one HTML (or inline SVG) element: tag and attribute names must be plain names from code, attribute
 * values and text are escaped, and attributes that could run code or load resources (event handlers,
 * {@code style}, {@code href}, {@code src}, ...) are refused, so that a report page never contains script.
 */
public final class HtmlElement {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> VOID_ELEMENTS = Set.of("br", "hr", "meta", "wbr", "col");
    private static final Set<String> UNSAFE_ATTRIBUTES = Set.of("style", "href", "src", "srcdoc", "srcset",
            "action", "formaction", "data", "xlink-href", "http-equiv", "content");

    private final String tag;
    private final StringBuilder attributes = new StringBuilder();
    private final List<Html> children = new ArrayList<>();

    private HtmlElement(final String tag) {
        this.tag = checkedName(tag, "tag");
    }

    /** Starts an element with the given tag name, such as {@code td} or {@code rect}. */
    public static HtmlElement of(final String tag) {
        return new HtmlElement(tag);
    }

    /** Adds a {@code class} attribute; blank or null class names are skipped. */
    public HtmlElement cls(final String cssClass) {
        return cssClass == null || cssClass.isBlank() ? this : attr("class", cssClass);
    }

    /** Adds an attribute; the value is escaped, a null value skips the attribute. */
    public HtmlElement attr(final String name, final Object value) {
        var checked = checkedName(name, "attribute");
        var lower = checked.toLowerCase(Locale.ROOT);
        if (lower.startsWith("on") || UNSAFE_ATTRIBUTES.contains(lower)) {
            throw new IllegalArgumentException("attribute '" + name + "' is not allowed in reports");
        }
        if (value != null) {
            attributes.append(' ').append(checked).append("=\"").append(Html.escape(value.toString())).append('"');
        }
        return this;
    }

    /**
     * Adds an {@code href} to an http or https URL (escaped); any other scheme, {@code javascript:} included,
     * is refused.
     */
    public HtmlElement link(final String url) {
        if (url == null || !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("only http and https links are allowed in reports, got " + url);
        }
        attributes.append(" href=\"").append(Html.escape(url)).append('"');
        return this;
    }

    /** Appends escaped text. */
    public HtmlElement text(final Object value) {
        return add(Html.text(value));
    }

    /** Appends child markup. */
    public HtmlElement add(final Html child) {
        children.add(child);
        return this;
    }

    /** Appends child elements. */
    public HtmlElement add(final HtmlElement... elements) {
        for (HtmlElement element : elements) {
            children.add(element.toHtml());
        }
        return this;
    }

    /** Appends child markup. */
    public HtmlElement addAll(final List<Html> markup) {
        children.addAll(markup);
        return this;
    }

    /** The finished element. */
    public Html toHtml() {
        var markup = new StringBuilder().append('<').append(tag).append(attributes).append('>');
        if (VOID_ELEMENTS.contains(tag)) {
            if (!children.isEmpty()) {
                throw new IllegalStateException("<" + tag + "> cannot have content");
            }
            return Html.trusted(markup.toString());
        }
        markup.append(Html.concat(children)).append("</").append(tag).append('>');
        return Html.trusted(markup.toString());
    }

    @Override
    public String toString() {
        return toHtml().toString();
    }

    private static String checkedName(final String name, final String what) {
        if (name == null || !NAME.matcher(name).matches() && !isSvgCamelCase(name)) {
            throw new IllegalArgumentException("invalid " + what + " name '" + name + "'");
        }
        var lower = name.toLowerCase(Locale.ROOT);
        if ("script".equals(lower) || "iframe".equals(lower) || "object".equals(lower) || "embed".equals(lower)
                || "foreignobject".equals(lower)) {
            throw new IllegalArgumentException("<" + name + "> is not allowed in reports");
        }
        return name;
    }

    /** SVG has a few camel-case names (viewBox, textLength) that HTML parsers keep as written. */
    private static boolean isSvgCamelCase(final String name) {
        return name.matches("[a-z]+[A-Z][a-zA-Z]*");
    }
}
