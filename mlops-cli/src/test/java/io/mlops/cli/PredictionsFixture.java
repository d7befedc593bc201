package io.mlops.cli;

/** Small predictions files for the command-line tests. */
final class PredictionsFixture {
    private PredictionsFixture() {
    }

    /** Six rows labelled 1, 1, 1, 0, 0, 0 with the given scores, predicted positive from 0.5. */
    static String predictions(final double... scores) {
        var text = new StringBuilder("id,label,prediction,score\n");
        for (int i = 0; i < scores.length; i++) {
            text.append(i).append(',').append(i < 3 ? 1 : 0).append(',').append(scores[i] >= 0.5 ? 1 : 0).append(',')
                    .append(scores[i]).append('\n');
        }
        return text.toString();
    }
}
