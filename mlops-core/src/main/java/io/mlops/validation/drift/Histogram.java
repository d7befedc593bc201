package io.mlops.validation.drift;

import java.util.List;

/**
 * Reference and current distributions over the same bins, for the report's drift charts.
 *
 * @param labels    bin labels: "[a, b)" ranges for numeric columns, values for categorical ones
 * @param reference reference counts per bin
 * @param current   current counts per bin
 */
public record Histogram(List<String> labels, List<Long> reference, List<Long> current) {
}
