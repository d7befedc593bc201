package io.mlops.evaluation;

/**
 * A curve's points for a chart, x and y in [0, 1].
 *
 * @param x the x coordinates
 * @param y the y coordinates, as many
 */
public record Curve(double[] x, double[] y) {
}
