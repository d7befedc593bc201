package io.mlops.mlflow;

/**
 * The MLflow version a tracking server runs, as {@code GET /version} reports it (a plain-text route of
 * {@code mlflow/server/__init__.py} in 2.x and 3.x). Calls that only MLflow 3 servers understand (a model
 * version's {@code model_id}, logged models) are sent only when {@link #isAtLeast3()}.
 *
 * @param text  the version as the server reports it, e.g. {@code 3.1.4}, or {@code unknown}
 * @param major the major version, 0 when unknown
 * @param minor the minor version, 0 when unknown
 */
public record ServerVersion(String text, int major, int minor) {
    /** A server that does not report its version (e.g. behind a proxy that only forwards {@code /api}). */
    public static final ServerVersion UNKNOWN = new ServerVersion("unknown", 0, 0);

    /** Parses {@code MAJOR.MINOR[.PATCH...]}; anything else is {@link #UNKNOWN}. */
    public static ServerVersion parse(final String text) {
        var trimmed = text.strip();
        var parts = trimmed.split("\\.");
        if (parts.length < 2 || !parts[0].matches("\\d{1,4}") || !parts[1].matches("\\d{1,4}")) {
            return UNKNOWN;
        }
        return new ServerVersion(trimmed, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** Whether the server is MLflow 3 or newer; an unknown version counts as older. */
    public boolean isAtLeast3() {
        return major >= 3;
    }
}
