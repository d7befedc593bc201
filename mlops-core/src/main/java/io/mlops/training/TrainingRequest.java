package io.mlops.training;

import io.mlops.registry.BuildInfo;
import io.mlops.training.TrainingSpec.SecretRef;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code trainModel} (or {@code mlops train}) call: the spec, and what the engine needs around it.
 *
 * @param spec          what to train and where
 * @param trackingToken the Secret key with the MLflow token a pod logs with, or {@code null} (a local process
 *                      inherits {@code MLFLOW_TRACKING_TOKEN} from its environment)
 * @param build         the build and commit, for the run's tags and the lineage
 * @param reportDir     where report.json, report.md, report.html and junit.xml go, or {@code null} for nowhere
 */
public record TrainingRequest(TrainingSpec spec, SecretRef trackingToken, BuildInfo build, Path reportDir) {
    public TrainingRequest {
        Objects.requireNonNull(spec, "spec");
        build = build == null ? BuildInfo.NONE : build;
    }

    /** The commit the training ran: the one cloned into the pod, else the build's. */
    public String gitCommit() {
        return spec.code() instanceof TrainingSpec.CodeSource.GitClone clone ? clone.commit() : build.gitCommit();
    }
}
