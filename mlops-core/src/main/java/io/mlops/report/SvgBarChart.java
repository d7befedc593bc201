package io.mlops.report;

import io.mlops.util.NumberText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A grouped bar chart as inline SVG: one group per label, one bar per series (for example reference vs
 * current share of a histogram bin), with a y axis, a legend and a tooltip per bar from SVG {@code <title>},
 * so that it needs neither script nor external resources. Colours are presentation attributes, not CSS, so
 * the chart stays readable where a page's inline styles are blocked.
 */
public final class SvgBarChart {
    static final String[] PALETTE = {"#7b8794", "#e8772e", "#2f80c2", "#2e9e5b", "#8e44ad"};
    private static final int PLOT_HEIGHT = 180;
    private static final int AXIS_WIDTH = 64;
    private static final int MARGIN_RIGHT = 12;
    private static final int MARGIN_TOP = 34;
    private static final int BAR_WIDTH = 16;
    private static final int MIN_GROUP_WIDTH = 44;
    private static final int MIN_PLOT_WIDTH = 220;
    private static final double CHAR_WIDTH = 6.2;
    private static final int MAX_LABEL_CHARS = 18;
    private static final int TICKS = 4;

    private final String title;
    private final List<String> labels;
    private final List<Series> series;
    private final String unit;

    /**
     * One series of bars.
     *
     * @param name    the legend text, e.g. "reference"
     * @param values  one value per label; NaN draws no bar
     * @param details extra tooltip text per label (e.g. the raw count), or an empty list
     */
    public record Series(String name, List<Double> values, List<String> details) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
            details = List.copyOf(details);
        }

        public Series(final String name, final List<Double> values) {
            this(name, values, List.of());
        }
    }

    /**
     * Creates a chart.
     *
     * @param title  the accessible title of the chart
     * @param labels the group labels along the x axis
     * @param series the series, each with one value per label (non-negative)
     * @param unit   appended to values on the axis and in tooltips, e.g. "%", or empty
     */
    public SvgBarChart(final String title, final List<String> labels, final List<Series> series, final String unit) {
        this.title = Objects.requireNonNull(title, "title");
        this.labels = List.copyOf(labels);
        this.series = List.copyOf(series);
        this.unit = unit == null ? "" : unit;
        if (series.isEmpty() || series.size() > PALETTE.length) {
            throw new IllegalArgumentException("a chart has 1 to " + PALETTE.length + " series");
        }
        for (Series s : series) {
            if (s.values().size() != labels.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
                        + " values for " + labels.size() + " labels");
            }
        }
    }

    /** The chart as an {@code <svg>} element. */
    public Html toHtml() {
        var layout = new Layout();
        var svg = HtmlElement.of("svg").cls("chart").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + layout.width + " " + layout.height).attr("width", layout.width)
                .attr("height", layout.height).attr("role", "img").attr("font-family", "sans-serif")
                .attr("font-size", 11);
        svg.add(HtmlElement.of("title").text(title));
        svg.add(legend(layout));
        svg.addAll(axis(layout));
        for (int group = 0; group < labels.size(); group++) {
            svg.addAll(bars(layout, group));
            svg.add(xLabel(layout, group));
        }
        return svg.toHtml();
    }

    /** Sizes that depend on the number of groups and the length of the labels. */
    private final class Layout {
        private final int groupWidth = Math.max(MIN_GROUP_WIDTH, series.size() * BAR_WIDTH + 12);
        private final boolean rotate = labels.size() > 8
                || labels.stream().anyMatch(l -> shortLabel(l).length() * CHAR_WIDTH > groupWidth - 4);
        private final double labelLength = longestLabel() * CHAR_WIDTH;
        /** Rotated labels end under their group and reach left, possibly past the axis. */
        private final int left = rotate
                ? Math.max(AXIS_WIDTH, (int) Math.ceil(labelLength * Math.cos(Math.toRadians(40)) - groupWidth / 2.0) + 4)
                : AXIS_WIDTH;
        private final int plotWidth = Math.max(MIN_PLOT_WIDTH, labels.size() * groupWidth);
        private final int width = left + Math.max(plotWidth, legendWidth()) + MARGIN_RIGHT;
        private final int height = MARGIN_TOP + PLOT_HEIGHT
                + (rotate ? 20 + (int) Math.ceil(labelLength * Math.sin(Math.toRadians(40))) : 24);
        private final double yMax = niceMax(largestValue());
        /** Groups are centred when the plot is wider than they need. */
        private final double firstGroup = left + (plotWidth - labels.size() * groupWidth) / 2.0;
    }

    private Html legend(final Layout layout) {
        var legend = HtmlElement.of("g").cls("legend");
        double x = layout.left;
        for (int i = 0; i < series.size(); i++) {
            legend.add(HtmlElement.of("rect").attr("x", x).attr("y", 8).attr("width", 10).attr("height", 10)
                    .attr("fill", PALETTE[i]));
            var name = series.get(i).name();
            legend.add(HtmlElement.of("text").attr("x", x + 14).attr("y", 17).attr("fill", "currentColor")
                    .text(name));
            x += legendEntryWidth(name);
        }
        return legend.toHtml();
    }

    private int legendWidth() {
        return series.stream().mapToInt(s -> legendEntryWidth(s.name())).sum();
    }

    private static int legendEntryWidth(final String name) {
        return 24 + (int) Math.ceil(name.length() * CHAR_WIDTH);
    }

    private List<Html> axis(final Layout layout) {
        var parts = new ArrayList<Html>();
        for (int tick = 0; tick <= TICKS; tick++) {
            double value = layout.yMax * tick / TICKS;
            var y = format(MARGIN_TOP + PLOT_HEIGHT - PLOT_HEIGHT * (double) tick / TICKS);
            parts.add(HtmlElement.of("line").attr("x1", layout.left).attr("x2", layout.left + layout.plotWidth)
                    .attr("y1", y).attr("y2", y).attr("stroke", tick == 0 ? "#888" : "#ccc")
                    .attr("stroke-width", 1).toHtml());
            parts.add(HtmlElement.of("text").attr("x", layout.left - 6).attr("y", y).attr("dy", "0.32em")
                    .attr("text-anchor", "end").attr("fill", "currentColor")
                    .text(DisplayValues.number(value) + unit).toHtml());
        }
        return parts;
    }

    private List<Html> bars(final Layout layout, final int group) {
        var parts = new ArrayList<Html>();
        double groupStart = layout.firstGroup + group * layout.groupWidth
                + (layout.groupWidth - series.size() * BAR_WIDTH) / 2.0;
        for (int s = 0; s < series.size(); s++) {
            double value = series.get(s).values().get(group);
            double barHeight = Double.isFinite(value) && value > 0 ? PLOT_HEIGHT * value / layout.yMax : 0;
            parts.add(HtmlElement.of("rect").cls("series-" + s)
                    .attr("x", format(groupStart + s * BAR_WIDTH))
                    .attr("y", format(MARGIN_TOP + PLOT_HEIGHT - barHeight))
                    .attr("width", BAR_WIDTH - 2).attr("height", format(barHeight)).attr("fill", PALETTE[s])
                    .add(HtmlElement.of("title").text(tooltip(group, s))).toHtml());
        }
        return parts;
    }

    private Html xLabel(final Layout layout, final int group) {
        double x = layout.firstGroup + group * layout.groupWidth + layout.groupWidth / 2.0;
        double y = MARGIN_TOP + PLOT_HEIGHT + 14;
        var label = HtmlElement.of("text").attr("x", format(x)).attr("y", format(y)).attr("fill", "currentColor");
        if (layout.rotate) {
            label.attr("text-anchor", "end").attr("transform", "rotate(-40 " + format(x) + " " + format(y) + ")");
        }
        else {
            label.attr("text-anchor", "middle");
        }
        var full = labels.get(group);
        return label.add(HtmlElement.of("title").text(full)).text(shortLabel(full)).toHtml();
    }

    private String tooltip(final int group, final int s) {
        var bar = series.get(s);
        var text = new StringBuilder(labels.get(group)).append(" — ").append(bar.name()).append(": ")
                .append(DisplayValues.number(bar.values().get(group))).append(unit);
        if (group < bar.details().size() && bar.details().get(group) != null) {
            text.append(" (").append(bar.details().get(group)).append(')');
        }
        return text.toString();
    }

    private double largestValue() {
        return series.stream().flatMap(s -> s.values().stream()).filter(Double::isFinite)
                .mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private int longestLabel() {
        return labels.stream().mapToInt(l -> shortLabel(l).length()).max().orElse(0);
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten that is at least the largest value. */
    static double niceMax(final double largest) {
        if (!(largest > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(largest)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= largest) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String shortLabel(final String label) {
        if (label.codePointCount(0, label.length()) <= MAX_LABEL_CHARS) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)) + "…";
    }

    static String format(final double coordinate) {
        return String.format(NumberText.LOCALE, "%.1f", coordinate);
    }
}
