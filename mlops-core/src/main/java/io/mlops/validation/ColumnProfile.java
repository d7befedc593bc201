package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The profile of one column. Numeric fields are null for non-numeric columns.
 *
 * @param type      the declared (or inferred) type
 * @param count     non-missing values
 * @param missing   missing values
 * @param distinct  distinct non-missing values (HyperLogLog estimate above a few thousand)
 * @param min       the smallest value (a number, or an ISO-8601 text for timestamps)
 * @param max       the largest value
 * @param mean      the mean of numeric values
 * @param stddev    the sample standard deviation of numeric values
 * @param quantiles quantiles "0.01" to "0.99" of numeric values (KLL sketch)
 * @param topValues the most frequent values
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(ColumnType type, long count, long missing, long distinct, Object min, Object max,
        Double mean, Double stddev, Map<String, Double> quantiles, List<ValueCount> topValues) {
}
