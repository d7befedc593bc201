package io.mlops.registry;

import io.mlops.lineage.Lineage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code registerModel} is asked to do (DESIGN.md §3; option names match the Pipeline step's parameters).
 *
 * @param name        the registered model's name
 * @param modelPath   a local model directory (or single file) to upload, or {@code null} when {@code source} is given
 * @param source      an existing model: {@code runs:/...} or {@code models:/...}, or {@code null}
 * @param runId       the run to upload {@code modelPath} into (e.g. the training run), or {@code null} for a
 *                    new run in {@code experiment}
 * @param experiment  the experiment of a new run, or {@code null} for the model's name
 * @param alias       the alias to point at the new version, or {@code null} for none
 * @param description the version's description, or {@code null}
 * @param tags        more tags for the version
 * @param evaluation  the report.json of {@code evaluate} for this model, or {@code null}: its status and key
 *                    metrics become tags and its predictions file an artifact, the baseline of later builds
 * @param lineage     the build's lineage so far (data digests, training run, evaluation)
 * @param build       the build and source that register
 * @param reportDir   where the reports go, or {@code null} to write none
 */
public record RegistrationRequest(String name, Path modelPath, String source, String runId, String experiment,
        String alias, String description, Map<String, String> tags, Path evaluation, Lineage lineage,
        BuildInfo build, Path reportDir) {
    /** Where a local model directory goes inside its run, as {@code mlflow.<flavor>.log_model} puts it. */
    public static final String MODEL_ARTIFACT_PATH = "model";

    public RegistrationRequest {
        Objects.requireNonNull(name, "name");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        lineage = lineage == null ? Lineage.EMPTY : lineage;
        build = build == null ? BuildInfo.NONE : build;
    }

    /** A request to register a local model directory, with nothing else. */
    public static RegistrationRequest ofDirectory(final String name, final Path modelPath) {
        return new RegistrationRequest(name, modelPath, null, null, null, null, null, Map.of(), null, null, null,
                null);
    }

    /** A request to register an existing model reference, with nothing else. */
    public static RegistrationRequest ofSource(final String name, final String source) {
        return new RegistrationRequest(name, null, source, null, null, null, null, Map.of(), null, null, null, null);
    }

    public RegistrationRequest withAlias(final String value) {
        return new RegistrationRequest(name, modelPath, source, runId, experiment, value, description, tags,
                evaluation, lineage, build, reportDir);
    }

    public RegistrationRequest withRun(final String value) {
        return new RegistrationRequest(name, modelPath, source, value, experiment, alias, description, tags,
                evaluation, lineage, build, reportDir);
    }

    public RegistrationRequest withEvaluation(final Path value) {
        return new RegistrationRequest(name, modelPath, source, runId, experiment, alias, description, tags, value,
                lineage, build, reportDir);
    }

    public RegistrationRequest withLineage(final Lineage value) {
        return new RegistrationRequest(name, modelPath, source, runId, experiment, alias, description, tags,
                evaluation, value, build, reportDir);
    }

    public RegistrationRequest withBuild(final BuildInfo value) {
        return new RegistrationRequest(name, modelPath, source, runId, experiment, alias, description, tags,
                evaluation, lineage, value, reportDir);
    }

    public RegistrationRequest withReportDir(final Path value) {
        return new RegistrationRequest(name, modelPath, source, runId, experiment, alias, description, tags,
                evaluation, lineage, build, value);
    }
}
