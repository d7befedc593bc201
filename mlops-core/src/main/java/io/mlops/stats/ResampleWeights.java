package io.mlops.stats;

/** The weight of each row in each bootstrap resample: how many times the resample holds the row. */
@FunctionalInterface
public interface ResampleWeights {
    int weight(int resample, int row);
}
