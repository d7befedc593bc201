package io.mlops.validation;

/** A value and how often it occurs (exact, or an estimate from a frequent-items sketch). */
public record ValueCount(String value, long count) {
}
