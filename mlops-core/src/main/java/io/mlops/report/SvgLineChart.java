package io.mlops.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart over the unit square as inline SVG, for curves whose axes both run from 0 to 1: ROC and
 * precision-recall curves, calibration. One polyline per series, an optional dashed diagonal (chance, or perfect
 * calibration), axis titles, a legend; like {@link SvgBarChart}, no script, colours as attributes.
 */
public final class SvgLineChart {
    private static final int SIZE = 220;
    private static final int LEFT = 52;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;
    private static final int RIGHT = 14;
    private static final int TICKS = 4;
    private static final double CHAR_WIDTH = 6.2;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series;
    private final boolean diagonal;

    /**
     * One curve.
     *
     * @param name the legend text
     * @param x    x coordinates in [0, 1]
     * @param y    y coordinates in [0, 1], as many as x
     */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x and " + y.length
                        + " y values");
            }
        }
    }

    /**
     * @param title    the accessible title
     * @param xTitle   the x axis title
     * @param yTitle   the y axis title
     * @param series   1 to 5 curves
     * @param diagonal whether to draw the dashed line from (0, 0) to (1, 1)
     */
    public SvgLineChart(final String title, final String xTitle, final String yTitle, final List<Series> series,
            final boolean diagonal) {
        this.title = Objects.requireNonNull(title, "title");
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.series = List.copyOf(series);
        this.diagonal = diagonal;
        if (series.isEmpty() || series.size() > SvgBarChart.PALETTE.length) {
            throw new IllegalArgumentException("a chart has 1 to " + SvgBarChart.PALETTE.length + " series");
        }
    }

    /** The chart as an {@code <svg>} element. */
    public Html toHtml() {
        int width = LEFT + Math.max(SIZE, legendWidth()) + RIGHT;
        int height = TOP + SIZE + BOTTOM;
        var svg = HtmlElement.of("svg").cls("chart").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + width + " " + height).attr("width", width).attr("height", height)
                .attr("role", "img").attr("font-family", "sans-serif").attr("font-size", 11);
        svg.add(HtmlElement.of("title").text(title));
        svg.add(legend());
        svg.addAll(axes());
        if (diagonal) {
            svg.add(HtmlElement.of("line").attr("x1", x(0)).attr("y1", y(0)).attr("x2", x(1)).attr("y2", y(1))
                    .attr("stroke", "#999").attr("stroke-dasharray", "4 3").attr("stroke-width", 1));
        }
        for (int s = 0; s < series.size(); s++) {
            var points = new StringBuilder();
            var curve = series.get(s);
            for (int i = 0; i < curve.x().length; i++) {
                if (Double.isFinite(curve.x()[i]) && Double.isFinite(curve.y()[i])) {
                    points.append(x(curve.x()[i])).append(',').append(y(curve.y()[i])).append(' ');
                }
            }
            svg.add(HtmlElement.of("polyline").cls("series-" + s).attr("points", points.toString().trim())
                    .attr("fill", "none").attr("stroke", SvgBarChart.PALETTE[s]).attr("stroke-width", 2)
                    .add(HtmlElement.of("title").text(curve.name())));
        }
        return svg.toHtml();
    }

    private Html legend() {
        var legend = HtmlElement.of("g").cls("legend");
        double at = LEFT;
        for (int s = 0; s < series.size(); s++) {
            var name = series.get(s).name();
            legend.add(HtmlElement.of("rect").attr("x", at).attr("y", 8).attr("width", 10).attr("height", 10)
                    .attr("fill", SvgBarChart.PALETTE[s]));
            legend.add(HtmlElement.of("text").attr("x", at + 14).attr("y", 17).attr("fill", "currentColor").text(name));
            at += legendEntryWidth(name);
        }
        return legend.toHtml();
    }

    private List<Html> axes() {
        var parts = new ArrayList<Html>();
        for (int tick = 0; tick <= TICKS; tick++) {
            double value = (double) tick / TICKS;
            var label = DisplayValues.number(value);
            parts.add(HtmlElement.of("line").attr("x1", x(0)).attr("x2", x(1)).attr("y1", y(value)).attr("y2", y(value))
                    .attr("stroke", tick == 0 ? "#888" : "#e3e3e3").attr("stroke-width", 1).toHtml());
            parts.add(HtmlElement.of("line").attr("x1", x(value)).attr("x2", x(value)).attr("y1", y(0)).attr("y2", y(1))
                    .attr("stroke", tick == 0 ? "#888" : "#e3e3e3").attr("stroke-width", 1).toHtml());
            parts.add(HtmlElement.of("text").attr("x", LEFT - 6).attr("y", y(value)).attr("dy", "0.32em")
                    .attr("text-anchor", "end").attr("fill", "currentColor").text(label).toHtml());
            parts.add(HtmlElement.of("text").attr("x", x(value)).attr("y", TOP + SIZE + 14)
                    .attr("text-anchor", "middle").attr("fill", "currentColor").text(label).toHtml());
        }
        parts.add(HtmlElement.of("text").attr("x", x(0.5)).attr("y", TOP + SIZE + 32).attr("text-anchor", "middle")
                .attr("fill", "currentColor").text(xTitle).toHtml());
        var yMiddle = y(0.5);
        parts.add(HtmlElement.of("text").attr("x", 14).attr("y", yMiddle).attr("text-anchor", "middle")
                .attr("transform", "rotate(-90 14 " + yMiddle + ")").attr("fill", "currentColor").text(yTitle)
                .toHtml());
        return parts;
    }

    private int legendWidth() {
        return series.stream().mapToInt(s -> legendEntryWidth(s.name())).sum();
    }

    private static int legendEntryWidth(final String name) {
        return 24 + (int) Math.ceil(name.length() * CHAR_WIDTH);
    }

    private static String x(final double value) {
        return SvgBarChart.format(LEFT + SIZE * value);
    }

    private static String y(final double value) {
        return SvgBarChart.format(TOP + SIZE * (1 - value));
    }
}
