package io.mlops.evaluation;

import io.mlops.report.Status;

/**
 * The verdict of one gate.
 *
 * @param metric  the metric gated
 * @param scope   what the metric was measured on: null for the whole evaluation set, "region=EU" for a slice,
 *                "gender" for a fairness measure across its groups
 * @param rule    the gate in words
 * @param status  PASSED, FAILED or INCONCLUSIVE
 * @param message one sentence with the values that decided it
 */
public record GateResult(String metric, String scope, String rule, Status status, String message) {
}
