package io.mlops.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Map;

/**
 * A dataset a run used, as {@code runs/log-inputs} records it ({@code Dataset} in
 * {@code mlflow/protos/service.proto}; the server limits the name to 500 and the digest to 36 characters).
 *
 * @param name       a name, e.g. the file name
 * @param digest     a short content hash
 * @param sourceType where it came from, e.g. {@code local}, {@code http}, {@code s3}
 * @param source     a JSON description of the source, e.g. {@code {"uri": "s3://bucket/train.csv"}}
 * @param schema     a JSON schema (MLflow ColSpec JSON), or {@code null}
 * @param profile    a JSON profile (e.g. row counts), or {@code null}
 */
public record Dataset(String name, String digest, String sourceType, String source, String schema,
        String profile) {
    /** A local file, named by its file name, with its path as the source's {@code uri}. */
    public static Dataset local(final String path, final String digest) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        try {
            return new Dataset(path.substring(slash + 1), digest, "local",
                    MlflowHttp.JSON.writeValueAsString(Map.of("uri", path)), null, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a one-string map is always JSON", e);
        }
    }

    /** The {@code uri} of the source, or the name when the source holds none. */
    public String sourceUri() {
        try {
            return MlflowHttp.JSON.readTree(source == null ? "{}" : source).path("uri").asText(name);
        } catch (JsonProcessingException e) {
            return name;
        }
    }
}
