package io.mlops.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of a multiclass classifier: MLflow's names with the weighted averages it reports, macro averages
 * beside them ({@code *_macro}), and the per-class table. Classes are those occurring as a label or a prediction,
 * as sklearn's {@code unique_labels}; a class never predicted has precision 0, one never occurring recall 0.
 */
final class MulticlassMetrics {
    private MulticlassMetrics() {
    }

    /** The metrics, the per-class table, and counts by actual (first index) and predicted class. */
    record Result(Map<String, Number> metrics, List<ClassMetrics> classes, long[][] confusion) {
    }

    /**
     * @param classes   the class labels; indexes below refer to this list
     * @param actual    each row's class index
     * @param predicted each row's predicted class index
     * @param scores    per class, each row's probability of that class; or null
     */
    static Result compute(final List<String> classes, final int[] actual, final int[] predicted,
            final double[][] scores) {
        int k = classes.size();
        var truePositives = new long[k];
        var predictedCounts = new long[k];
        var support = new long[k];
        var confusion = new long[k][k];
        long correct = 0;
        for (int i = 0; i < actual.length; i++) {
            confusion[actual[i]][predicted[i]]++;
            support[actual[i]]++;
            predictedCounts[predicted[i]]++;
            if (actual[i] == predicted[i]) {
                truePositives[actual[i]]++;
                correct++;
            }
        }
        var table = new ArrayList<ClassMetrics>();
        double weightedPrecision = 0;
        double weightedRecall = 0;
        double weightedF1 = 0;
        double macroPrecision = 0;
        double macroRecall = 0;
        double macroF1 = 0;
        int present = 0;
        long n = actual.length;
        for (int c = 0; c < k; c++) {
            if (support[c] == 0 && predictedCounts[c] == 0) {
                continue; // not among sklearn's unique_labels(y_true, y_pred)
            }
            present++;
            double precision = BinaryMetrics.ratio(truePositives[c], predictedCounts[c]);
            double recall = BinaryMetrics.ratio(truePositives[c], support[c]);
            double f1 = BinaryMetrics.f1(precision, recall);
            table.add(new ClassMetrics(classes.get(c), precision, recall, f1, support[c]));
            weightedPrecision += precision * support[c];
            weightedRecall += recall * support[c];
            weightedF1 += f1 * support[c];
            macroPrecision += precision;
            macroRecall += recall;
            macroF1 += f1;
        }
        var metrics = new LinkedHashMap<String, Number>();
        metrics.put("example_count", n);
        metrics.put("accuracy_score", n == 0 ? Double.NaN : (double) correct / n);
        metrics.put("recall_score", weightedRecall / n);
        metrics.put("precision_score", weightedPrecision / n);
        metrics.put("f1_score", weightedF1 / n);
        metrics.put("recall_score_macro", macroRecall / present);
        metrics.put("precision_score_macro", macroPrecision / present);
        metrics.put("f1_score_macro", macroF1 / present);
        if (scores != null) {
            metrics.put("log_loss", logLoss(actual, scores));
            var auc = rocAuc(actual, scores, support);
            metrics.put("roc_auc", auc[0]);
            metrics.put("roc_auc_macro", auc[1]);
        }
        return new Result(metrics, List.copyOf(table), confusion);
    }

    /**
     * Mean negative log-likelihood as sklearn's {@code log_loss}: the probability of the true class, clipped to
     * {@code [eps, 1 - eps]}.
     */
    static double logLoss(final int[] actual, final double[][] scores) {
        var sum = new CompensatedSum();
        for (int i = 0; i < actual.length; i++) {
            sum.add(-Math.log(BinaryMetrics.clip(scores[actual[i]][i])));
        }
        return sum.value() / actual.length;
    }

    /**
     * One-vs-rest ROC AUC of each class that occurs, averaged by support ({@code weighted}, what MLflow logs as
     * {@code roc_auc}) and plainly ({@code macro}).
     *
     * @return {weighted, macro}
     */
    static double[] rocAuc(final int[] actual, final double[][] scores, final long[] support) {
        double weighted = 0;
        double macro = 0;
        int classes = 0;
        long n = actual.length;
        for (int c = 0; c < scores.length; c++) {
            if (support[c] == 0 || support[c] == n) {
                continue;
            }
            var isClass = new boolean[actual.length];
            for (int i = 0; i < actual.length; i++) {
                isClass[i] = actual[i] == c;
            }
            double auc = BinaryMetrics.rocAuc(RankedScores.of(scores[c]), isClass);
            weighted += auc * support[c];
            macro += auc;
            classes++;
        }
        return new double[] {weighted / n, macro / classes};
    }
}
