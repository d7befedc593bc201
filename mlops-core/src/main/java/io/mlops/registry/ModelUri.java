package io.mlops.registry;

import io.mlops.util.InputException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A model reference as MLflow writes it: {@code models:/NAME/VERSION}, {@code models:/NAME/latest} (the highest
 * version; {@code latest} in any case, as MLflow reads it), {@code models:/NAME@ALIAS} or {@code runs:/RUN_ID/PATH}
 * ({@code mlflow/store/artifact/models_artifact_repo.py}, {@code utils/models.py} and {@code runs_artifact_repo.py}).
 *
 * @param kind    which form
 * @param name    the registered model ({@code models:/}) or {@code null}
 * @param version the version number, or {@code null}
 * @param alias   the alias, or {@code null}
 * @param runId   the run ({@code runs:/}) or {@code null}
 * @param path    the artifact path inside the run ({@code runs:/}), possibly empty
 */
public record ModelUri(Kind kind, String name, String version, String alias, String runId, String path) {
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern NAME_PART = Pattern.compile("[^/@]+");

    /** The forms of a model reference. */
    public enum Kind { MODEL_VERSION, MODEL_LATEST, MODEL_ALIAS, RUN }

    /** The version word of {@code models:/NAME/latest}. */
    private static final String LATEST = "latest";

    public ModelUri {
        Objects.requireNonNull(kind);
    }

    /**
     * Parses a reference.
     *
     * @throws InputException naming the expected forms when the text is none of them
     */
    public static ModelUri parse(final String text) {
        var uri = text == null ? "" : text.trim();
        if (uri.startsWith("models:/")) {
            var rest = uri.substring("models:/".length());
            int at = rest.lastIndexOf('@');
            if (at > 0 && NAME_PART.matcher(rest.substring(0, at)).matches()
                    && NAME_PART.matcher(rest.substring(at + 1)).matches()) {
                return new ModelUri(Kind.MODEL_ALIAS, rest.substring(0, at), null, rest.substring(at + 1), null, null);
            }
            int slash = rest.lastIndexOf('/');
            if (slash > 0 && NAME_PART.matcher(rest.substring(0, slash)).matches()) {
                var version = rest.substring(slash + 1);
                if (VERSION.matcher(version).matches()) {
                    return new ModelUri(Kind.MODEL_VERSION, rest.substring(0, slash), version, null, null, null);
                }
                if (LATEST.equalsIgnoreCase(version)) {
                    return new ModelUri(Kind.MODEL_LATEST, rest.substring(0, slash), null, null, null, null);
                }
            }
        }
        else if (uri.startsWith("runs:/")) {
            var rest = uri.substring("runs:/".length());
            int slash = rest.indexOf('/');
            var runId = slash < 0 ? rest : rest.substring(0, slash);
            var path = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
            if (runId.matches("[A-Za-z0-9_-]{1,64}") && !path.contains("..") && !path.contains("\\")) {
                return new ModelUri(Kind.RUN, null, null, null, runId, path);
            }
        }
        throw new InputException("'" + text + "' is not a model reference: expected models:/NAME/VERSION, "
                + "models:/NAME/latest, models:/NAME@ALIAS or runs:/RUN_ID/PATH");
    }

    /** Whether the text looks like a reference (starts with {@code models:/} or {@code runs:/}). */
    public static boolean isReference(final String text) {
        return text != null && (text.startsWith("models:/") || text.startsWith("runs:/"));
    }

    /** A reference to a version. */
    public static ModelUri version(final String name, final String version) {
        return new ModelUri(Kind.MODEL_VERSION, name, version, null, null, null);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MODEL_VERSION -> "models:/" + name + "/" + version;
            case MODEL_LATEST -> "models:/" + name + "/" + LATEST;
            case MODEL_ALIAS -> "models:/" + name + "@" + alias;
            case RUN -> "runs:/" + runId + (path.isEmpty() ? "" : "/" + path);
        };
    }
}
