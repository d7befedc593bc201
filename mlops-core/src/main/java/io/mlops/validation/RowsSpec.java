package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Bounds on the number of data rows.
 *
 * @param min the fewest rows allowed, or null
 * @param max the most rows allowed, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowsSpec(Long min, Long max) {
}
