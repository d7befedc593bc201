package io.mlops.cli;

import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints a build's lineage for a terminal: one line per step with its main facts. */
final class LineageConsole {
    private static final List<String> SHOWN = List.of(LineageEvent.DATASET_PATH, LineageEvent.DATASET_SHA256,
            LineageEvent.TRAINING_RUNNER, LineageEvent.TRAINING_IMAGE_DIGEST, LineageEvent.TRAINING_NODE,
            LineageEvent.TRAINING_EXIT_CODE, LineageEvent.PREDICTIONS_SHA256, LineageEvent.EVALUATION_STATUS, LineageEvent.BASELINE,
            LineageEvent.MODEL_URI, LineageEvent.MODEL_ALIAS, LineageEvent.MLFLOW_RUN);

    private LineageConsole() {
    }

    static void print(final Lineage lineage, final Path file, final PrintWriter out) {
        out.println("Lineage of this build (" + file + "):");
        for (var event : lineage.events()) {
            var facts = new StringBuilder();
            for (var key : SHOWN) {
                var value = event.fact(key);
                if (value != null) {
                    facts.append(facts.length() == 0 ? "" : ", ").append(key).append(' ')
                            .append(key.endsWith("sha256") ? value.substring(0, Math.min(12, value.length())) : value);
                }
            }
            out.printf("  %-14s %-8s %s%n", event.step(), event.status(), facts);
        }
        out.flush();
    }
}
