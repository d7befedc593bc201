package io.mlops.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of report.json, one per mlops step, with the step's Pipeline name (used for JUnit class names)
 * and a title for people.
 */
public enum ReportKind {
    DATA_VALIDATION("data-validation", "validateData", "Data validation"),
    MODEL_EVALUATION("model-evaluation", "evaluateModel", "Model evaluation"),
    MODEL_REGISTRATION("model-registration", "registerModel", "Model registration"),
    TRAINING("training", "trainModel", "Training"),
    CANARY("canary", "canaryDeploy", "Canary deployment");

    private final String id;
    private final String step;
    private final String title;

    ReportKind(final String id, final String step, final String title) {
        this.id = id;
        this.step = step;
        this.title = title;
    }

    /** The value of {@code kind} in report.json. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The Pipeline step name, e.g. {@code validateData}. */
    public String step() {
        return step;
    }

    /** A title for report headings. */
    public String title() {
        return title;
    }

    /**
     * Parses the value of {@code kind}.
     *
     * @throws IllegalArgumentException when the id names no kind
     */
    @JsonCreator
    public static ReportKind of(final String id) {
        for (ReportKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown report kind '" + id
                + "': expected data-validation, model-evaluation, model-registration, training or canary");
    }
}
