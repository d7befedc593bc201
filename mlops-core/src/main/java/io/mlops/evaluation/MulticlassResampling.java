package io.mlops.evaluation;

import java.util.List;

/**
 * A candidate's and a baseline's multiclass metrics on bootstrap resamples of the same rows: accuracy and the
 * weighted and macro averages of precision, recall and F1 from weighted per-class counts, in one pass.
 */
final class MulticlassResampling implements PairedBootstrap.Pair {
    private static final List<String> METRICS = List.of("accuracy_score", "recall_score", "precision_score",
            "f1_score", "recall_score_macro", "precision_score_macro", "f1_score_macro");

    private final int classes;
    private final int[] actual;
    private final int[] candidate;
    private final int[] baseline;

    MulticlassResampling(final int classes, final int[] actual, final int[] candidate, final int[] baseline) {
        this.classes = classes;
        this.actual = actual;
        this.candidate = candidate;
        this.baseline = baseline;
    }

    @Override
    public int rows() {
        return actual.length;
    }

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    @Override
    public void measure(final byte[] weights, final double[] candidateInto, final double[] baselineInto) {
        measure(weights, candidate, candidateInto);
        measure(weights, baseline, baselineInto);
    }

    private void measure(final byte[] weights, final int[] predicted, final double[] into) {
        var support = new long[classes];
        var predictedCounts = new long[classes];
        var truePositives = new long[classes];
        long total = 0;
        long correct = 0;
        for (int i = 0; i < actual.length; i++) {
            int w = weights[i];
            support[actual[i]] += w;
            predictedCounts[predicted[i]] += w;
            int right = actual[i] == predicted[i] ? w : 0;
            truePositives[actual[i]] += right;
            correct += right;
            total += w;
        }
        double[] weighted = new double[3];
        double[] macro = new double[3];
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (support[c] == 0 && predictedCounts[c] == 0) {
                continue;
            }
            present++;
            double precision = BinaryMetrics.ratio(truePositives[c], predictedCounts[c]);
            double recall = BinaryMetrics.ratio(truePositives[c], support[c]);
            double f1 = BinaryMetrics.f1(precision, recall);
            weighted[0] += recall * support[c];
            weighted[1] += precision * support[c];
            weighted[2] += f1 * support[c];
            macro[0] += recall;
            macro[1] += precision;
            macro[2] += f1;
        }
        into[0] = (double) correct / total;
        for (int m = 0; m < 3; m++) {
            into[1 + m] = weighted[m] / total;
            into[4 + m] = macro[m] / present;
        }
    }
}
