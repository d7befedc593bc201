package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Run;
import io.mlops.report.SvgLineChart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The trend of the headline metrics over the job's last builds, shown on the job page (floatingBox.jelly) as an SVG
 * chart that the engine renders: no JavaScript. It reads the report.json that each build keeps (through its
 * {@link EvaluationAction}), the first evaluation of each build.
 */
public final class MetricTrendAction implements Action {
    /** Builds looked at, newest first. */
    static final int BUILDS = 20;
    /** The metrics charted where present: each lies in [0, 1] (r2_score only where the model beats the mean). */
    static final List<String> METRICS = List.of("roc_auc", "accuracy_score", "f1_score", "r2_score");

    private final Run<?, ?> newest;

    /**
     * Creates the trend up to a build.
     *
     * @param newest the newest build charted, usually the job's last successful build
     */
    MetricTrendAction(final Run<?, ?> newest) {
        this.newest = newest;
    }

    @Override
    @CheckForNull
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Model metrics trend";
    }

    @Override
    @CheckForNull
    public String getUrlName() {
        return null;
    }

    /**
     * The chart as SVG markup, escaped by the engine.
     *
     * @return the chart, or {@code null} when no build has evaluated metrics to chart
     */
    @CheckForNull
    public String getChart() {
        var points = points();
        var series = new ArrayList<SvgLineChart.Series>();
        for (String metric : METRICS) {
            if (points.stream().anyMatch(point -> point.metrics().get(metric) != null)) {
                series.add(series(metric, points));
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        var range = points.size() == 1 ? "Build #" + points.get(0).build()
                : "Builds #" + points.get(0).build() + " to #" + points.get(points.size() - 1).build();
        return new SvgLineChart("Model metrics over the last " + points.size() + " builds", range, "Value", series,
                false).toHtml().toString();
    }

    /** One build's metrics. */
    private record Point(int build, Map<String, Number> metrics) {
    }

    /** The evaluated builds among the last {@link #BUILDS}, oldest first. */
    private List<Point> points() {
        var points = new ArrayList<Point>();
        int seen = 0;
        for (Run<?, ?> build = newest; build != null && seen < BUILDS; build = build.getPreviousBuild(), seen++) {
            var actions = build.getActions(EvaluationAction.class);
            var report = actions.isEmpty() ? null : actions.get(0).getReport();
            if (report != null) {
                points.add(new Point(build.getNumber(), report.metrics()));
            }
        }
        Collections.reverse(points);
        return points;
    }

    /** A metric's line: builds evenly spaced from left to right; values outside [0, 1] are left out. */
    private static SvgLineChart.Series series(final String metric, final List<Point> points) {
        var x = new double[points.size()];
        var y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = x.length == 1 ? 0.5 : (double) i / (x.length - 1);
            var value = points.get(i).metrics().get(metric);
            double v = value == null ? Double.NaN : value.doubleValue();
            y[i] = v >= 0 && v <= 1 ? v : Double.NaN;
        }
        return new SvgLineChart.Series(metric, x, y);
    }
}
