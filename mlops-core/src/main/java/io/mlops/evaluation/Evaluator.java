package io.mlops.evaluation;

import io.mlops.stats.McNemar;
import io.mlops.util.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Computes an evaluation from predictions in memory: the candidate's metrics, the paired comparison with the
 * baseline (bootstrap intervals, DeLong for ROC AUC, McNemar for accuracy), slices, fairness, curves and the
 * gates' verdicts. {@link EvaluateModel} reads the files and writes the reports around it.
 */
final class Evaluator {
    private static final String ROC_AUC = "roc_auc";
    private static final String ACCURACY = "accuracy_score";

    private Evaluator() {
    }

    /**
     * The settings of an evaluation that are not data.
     *
     * @param gates        the gates
     * @param slices       columns to slice by
     * @param sensitive    sensitive attributes for fairness
     * @param minSliceSize slices with fewer rows are reported but not gated
     * @param resamples    bootstrap resamples
     * @param seed         bootstrap seed
     * @param confidence   the confidence level of the reported intervals
     * @param threads      threads for the bootstrap
     */
    record Settings(Gates gates, List<String> slices, List<String> sensitive, int minSliceSize, int resamples,
            long seed, double confidence, int threads) {
    }

    /** What an evaluation found, before it becomes a report. */
    record Outcome(Map<String, Number> metrics, List<ClassMetrics> classes, EvaluationReport.ConfusionMatrix confusion,
            EvaluationReport.Baseline baseline, List<EvaluationReport.Comparison> comparisons,
            List<GateResult> gates, Map<String, Map<String, EvaluationReport.Slice>> slices,
            Map<String, FairnessResult> fairness, Map<String, Map<String, Curve>> curves) {
    }

    /** The metrics of one model on some rows. */
    record Measured(Map<String, Number> metrics, List<ClassMetrics> classes, long[][] confusion) {
    }

    /**
     * @param candidate       the candidate's predictions
     * @param baseline        the baseline's predictions on the same rows, in the same order; or null
     * @param baselineMetrics the baseline's metrics without predictions (point comparison); or null
     * @param baselineSource  where the baseline came from, for the report
     */
    static Outcome evaluate(final Predictions candidate, final Predictions baseline,
            final Map<String, Number> baselineMetrics, final String baselineSource, final Settings settings)
            throws InterruptedException {
        var measured = measure(candidate);
        Map<String, Number> compared = baseline != null ? measure(baseline).metrics() : baselineMetrics;
        var differences = baseline == null ? Map.<String, PairedBootstrap.Differences>of()
                : PairedBootstrap.run(resampling(candidate, baseline), settings.resamples(), settings.seed(),
                        settings.threads());
        var comparisons = compared == null ? List.<EvaluationReport.Comparison>of()
                : compare(candidate, baseline, measured.metrics(), compared, differences, settings.confidence());
        var slices = slices(candidate, settings);
        var fairness = fairness(candidate, settings.sensitive());
        var gates = gate(settings, measured.metrics(), compared, differences, slices, fairness);
        EvaluationReport.ConfusionMatrix confusion = candidate.task().classification()
                ? new EvaluationReport.ConfusionMatrix(candidate.classes(), measured.confusion()) : null;
        var baselineInfo = compared == null ? null
                : new EvaluationReport.Baseline(baselineSource, baseline != null ? "predictions" : "metrics", compared);
        return new Outcome(measured.metrics(), measured.classes(), confusion, baselineInfo, comparisons, gates, slices,
                fairness, curves(candidate, baseline));
    }

    /** The metrics of a model for its task. */
    static Measured measure(final Predictions p) {
        return switch (p.task()) {
            case BINARY -> {
                var actual = p.positives();
                var predicted = p.predictedPositive();
                var metrics = BinaryMetrics.compute(actual, predicted, p.score());
                var confusion = new long[2][2];
                for (int i = 0; i < actual.length; i++) {
                    confusion[actual[i] ? 1 : 0][predicted[i] ? 1 : 0]++;
                }
                yield new Measured(metrics, List.of(), confusion);
            }
            case MULTICLASS -> {
                var result = MulticlassMetrics.compute(p.classes(), p.label(), p.predicted(), p.classScores());
                yield new Measured(result.metrics(), result.classes(), result.confusion());
            }
            case REGRESSION -> new Measured(RegressionMetrics.compute(p.actual(), p.estimate()), List.of(), null);
        };
    }

    private static PairedBootstrap.Pair resampling(final Predictions candidate, final Predictions baseline) {
        return switch (candidate.task()) {
            case BINARY -> new BinaryResampling(candidate.positives(),
                    new BinaryResampling.Outcomes(candidate.predictedPositive(), candidate.score()),
                    new BinaryResampling.Outcomes(baseline.predictedPositive(), baseline.score()));
            case MULTICLASS -> new MulticlassResampling(candidate.classes().size(), candidate.label(),
                    candidate.predicted(), baseline.predicted(), candidate.classScores(), baseline.classScores());
            case REGRESSION -> new RegressionResampling(candidate.actual(), candidate.estimate(), baseline.estimate());
        };
    }

    private static List<EvaluationReport.Comparison> compare(final Predictions candidate, final Predictions baseline,
            final Map<String, Number> metrics, final Map<String, Number> compared,
            final Map<String, PairedBootstrap.Differences> differences, final double confidence) {
        var comparisons = new ArrayList<EvaluationReport.Comparison>();
        for (Map.Entry<String, Number> metric : metrics.entrySet()) {
            var name = metric.getKey();
            if ("example_count".equals(name) || !compared.containsKey(name)) {
                continue;
            }
            double value = metric.getValue().doubleValue();
            double other = compared.get(name).doubleValue();
            var distribution = differences.get(name);
            double[] interval = distribution == null || distribution.sorted().length == 0 ? null
                    : distribution.interval(confidence);
            Double pValue = distribution == null ? null : distribution.pValue();
            String test = distribution == null ? "point" : "bootstrap";
            if (baseline != null && ROC_AUC.equals(name) && candidate.task() == Task.BINARY
                    && candidate.score() != null && baseline.score() != null && Double.isFinite(value)) {
                pValue = DeLong.test(candidate.positives(), candidate.score(), baseline.score()).pValue();
                test = "delong";
            }
            if (baseline != null && ACCURACY.equals(name) && candidate.task().classification()) {
                pValue = mcNemar(candidate, baseline).pValue();
                test = "mcnemar";
            }
            comparisons.add(new EvaluationReport.Comparison(name, value, other, value - other, interval,
                    interval == null ? null : confidence, pValue, test));
        }
        return comparisons;
    }

    private static McNemar.Result mcNemar(final Predictions candidate, final Predictions baseline) {
        long candidateOnly = 0;
        long baselineOnly = 0;
        for (int i = 0; i < candidate.rows(); i++) {
            boolean candidateRight = candidate.predicted()[i] == candidate.label()[i];
            boolean baselineRight = baseline.predicted()[i] == candidate.label()[i];
            candidateOnly += candidateRight && !baselineRight ? 1 : 0;
            baselineOnly += baselineRight && !candidateRight ? 1 : 0;
        }
        return McNemar.test(candidateOnly, baselineOnly);
    }

    private static Map<String, Map<String, EvaluationReport.Slice>> slices(final Predictions p,
            final Settings settings) {
        var result = new LinkedHashMap<String, Map<String, EvaluationReport.Slice>>();
        for (String column : settings.slices()) {
            var attribute = p.attributes().get(column);
            var byValue = new LinkedHashMap<String, EvaluationReport.Slice>();
            for (int v = 0; v < attribute.values().size(); v++) {
                var rows = rowsOf(attribute.codes(), v);
                var metrics = measure(p.subset(rows)).metrics();
                byValue.put(attribute.values().get(v),
                        new EvaluationReport.Slice(rows.length, rows.length >= settings.minSliceSize(), metrics));
            }
            result.put(column, byValue);
        }
        return result;
    }

    private static int[] rowsOf(final int[] codes, final int value) {
        int count = 0;
        for (int code : codes) {
            count += code == value ? 1 : 0;
        }
        var rows = new int[count];
        int next = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == value) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    private static Map<String, FairnessResult> fairness(final Predictions p, final List<String> sensitive) {
        var result = new LinkedHashMap<String, FairnessResult>();
        for (String column : sensitive) {
            if (p.task() != Task.BINARY) {
                throw new InputException("fairness measures need a binary task; '" + column + "' was given as a "
                        + "sensitive attribute of a " + p.task().id() + " evaluation");
            }
            var attribute = p.attributes().get(column);
            result.put(column, Fairness.compute(attribute.values(), attribute.codes(), p.positives(),
                    p.predictedPositive()));
        }
        return result;
    }

    private static List<GateResult> gate(final Settings settings, final Map<String, Number> metrics,
            final Map<String, Number> compared, final Map<String, PairedBootstrap.Differences> differences,
            final Map<String, Map<String, EvaluationReport.Slice>> slices, final Map<String, FairnessResult> fairness) {
        var results = new ArrayList<GateResult>();
        for (MetricGate gate : settings.gates().metrics()) {
            double value = value(metrics, gate.metric(), "the evaluation");
            Double other = null;
            if (gate.comparesWithBaseline()) {
                if (compared == null) {
                    throw new InputException("the gate on " + gate.metric() + " compares with a baseline, but none "
                            + "was given: pass the production model's predictions (--baseline-predictions) or "
                            + "metrics (--baseline-metrics), or keep only its threshold");
                }
                other = value(compared, gate.metric(), "the baseline");
            }
            results.add(GateCheck.check(gate, null, value, other, differences.get(gate.metric())));
        }
        for (Map.Entry<String, List<MetricGate>> column : settings.gates().slices().entrySet()) {
            var bySlice = slices.get(column.getKey());
            if (bySlice == null) {
                throw new InputException("the gates file gates slices of '" + column.getKey() + "', which is not "
                        + "among the slice columns " + settings.slices() + ": add it to --slice");
            }
            for (Map.Entry<String, EvaluationReport.Slice> slice : bySlice.entrySet()) {
                if (!slice.getValue().gated()) {
                    continue;
                }
                for (MetricGate gate : column.getValue()) {
                    requireNoBaseline(gate, "slice");
                    results.add(GateCheck.check(gate, column.getKey() + "=" + slice.getKey(),
                            value(slice.getValue().metrics(), gate.metric(), "the slice"), null, null));
                }
            }
        }
        for (Map.Entry<String, List<MetricGate>> attribute : settings.gates().fairness().entrySet()) {
            var result = fairness.get(attribute.getKey());
            if (result == null) {
                throw new InputException("the gates file gates fairness across '" + attribute.getKey() + "', which "
                        + "is not among the sensitive attributes " + settings.sensitive() + ": add it to --sensitive");
            }
            for (MetricGate gate : attribute.getValue()) {
                requireNoBaseline(gate, "fairness");
                results.add(GateCheck.check(gate, attribute.getKey(),
                        value(new LinkedHashMap<>(result.measures()), gate.metric(), "fairness"), null, null));
            }
        }
        return results;
    }

    private static void requireNoBaseline(final MetricGate gate, final String kind) {
        if (gate.comparesWithBaseline()) {
            throw new InputException("a " + kind + " gate on " + gate.metric() + " has a change rule; " + kind
                    + " gates take only threshold");
        }
    }

    /** A gated metric's value; a metric that does not exist is a configuration error naming the ones that do. */
    private static double value(final Map<String, ? extends Number> metrics, final String metric, final String where) {
        var value = metrics.get(metric);
        if (value == null) {
            throw new InputException("the gates file names the metric '" + metric + "', which " + where
                    + " does not have; available: " + String.join(", ", new TreeSet<>(metrics.keySet())));
        }
        return value.doubleValue();
    }

    private static Map<String, Map<String, Curve>> curves(final Predictions candidate, final Predictions baseline) {
        var curves = new LinkedHashMap<String, Map<String, Curve>>();
        if (candidate.task() != Task.BINARY || candidate.score() == null) {
            return curves;
        }
        var models = new LinkedHashMap<String, Predictions>();
        models.put("candidate", candidate);
        if (baseline != null && baseline.score() != null) {
            models.put("baseline", baseline);
        }
        var roc = new LinkedHashMap<String, Curve>();
        var pr = new LinkedHashMap<String, Curve>();
        var calibration = new LinkedHashMap<String, Curve>();
        for (Map.Entry<String, Predictions> model : models.entrySet()) {
            var actual = model.getValue().positives();
            var ranked = RankedScores.of(model.getValue().score());
            roc.put(model.getKey(), Curves.roc(ranked, actual));
            pr.put(model.getKey(), Curves.precisionRecall(ranked, actual));
            calibration.put(model.getKey(), Curves.calibration(actual, model.getValue().score()));
        }
        curves.put("roc", roc);
        curves.put("precision_recall", pr);
        curves.put("calibration", calibration);
        return curves;
    }
}
