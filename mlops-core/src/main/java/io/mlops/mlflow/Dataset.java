package io.mlops.mlflow;

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
}
