package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlops.validation.drift.DriftMethod;

import java.util.List;

/**
 * How drift against a reference dataset is tested.
 *
 * @param method         the test, or auto
 * @param threshold      the threshold, or null for the method's default
 * @param shareThreshold the share of drifted columns at which the dataset drifts, or null for 0.5
 * @param columns        the columns to compare, or null for every column in both datasets
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftSpec(DriftMethod method, Double threshold, Double shareThreshold, List<String> columns) {
    /** Auto selection on every shared column. */
    public static final DriftSpec DEFAULT = new DriftSpec(DriftMethod.AUTO, null, 0.5, null);
}
