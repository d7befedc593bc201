package io.mlops.registry;

import io.mlops.evaluation.EvaluationRequest;
import io.mlops.mlflow.MlflowException;
import io.mlops.report.ReportJson;
import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The production model as a baseline for {@code evaluate --baseline models:/NAME@ALIAS}: the version behind the
 * reference, its metrics — the {@code mlops.metric.*} tags that registerModel wrote from its evaluation first,
 * then the metrics of its run (e.g. logged by {@code mlflow.evaluate}) for names the tags lack — and, when
 * the version carries one, its predictions file for a paired comparison.
 *
 * @param version     the version behind the reference
 * @param metrics     its metrics
 * @param metricsFile the metrics as a JSON object in the working directory, for the evaluation's baseline
 * @param predictions its predictions, downloaded into the working directory, if it has any
 * @param description e.g. {@code models:/churn/3 (@champion)}
 */
public record RegistryBaseline(RegistryVersion version, Map<String, Double> metrics, Path metricsFile,
        Optional<Path> predictions, String description) {
    /**
     * Resolves a reference and fetches what the evaluation needs into {@code directory}.
     *
     * @throws InputException when the model, version or alias does not exist, or the version has no metrics
     */
    public static RegistryBaseline resolve(final ModelRegistry registry, final ModelUri reference,
            final Path directory) throws IOException {
        if (reference.kind() == ModelUri.Kind.RUN) {
            throw new InputException("a baseline must be a registered model (models:/NAME@ALIAS, "
                    + "models:/NAME/VERSION or models:/NAME/latest), not " + reference);
        }
        var version = RegisterModel.resolve(registry, reference);
        var description = version.uri() + switch (reference.kind()) {
            case MODEL_ALIAS -> " (@" + reference.alias() + ")";
            case MODEL_LATEST -> " (latest)";
            case MODEL_VERSION, RUN -> "";
        };
        var metrics = new LinkedHashMap<String, Double>();
        version.tags().forEach((key, value) -> {
            if (key.startsWith(RegisterModel.METRIC_TAG_PREFIX)) {
                parse(value).ifPresent(number -> metrics.put(key.substring(RegisterModel.METRIC_TAG_PREFIX.length()),
                        number));
            }
        });
        if (version.runId() != null) {
            registry.runMetrics(version.runId()).forEach(metrics::putIfAbsent);
        }
        Files.createDirectories(directory);
        Optional<Path> predictions = Optional.empty();
        var artifact = version.tags().get(RegisterModel.PREDICTIONS_TAG);
        if (artifact != null) {
            var stored = ModelUri.isReference(artifact) ? ModelUri.parse(artifact) : null;
            var runId = stored != null && stored.kind() == ModelUri.Kind.RUN ? stored.runId() : version.runId();
            var path = stored != null && stored.kind() == ModelUri.Kind.RUN ? stored.path() : artifact;
            if (runId != null && !path.isEmpty()) {
                var target = directory.resolve("baseline-" + Path.of(path).getFileName());
                registry.download(runId, path, target);
                predictions = Optional.of(target);
            }
        }
        if (metrics.isEmpty() && predictions.isEmpty()) {
            throw new InputException(description + " has no metrics and no predictions to compare with: register "
                    + "it with the evaluation's report (registerModel evaluation: ...), or log metrics to its run");
        }
        var metricsFile = directory.resolve("baseline-metrics.json");
        Files.writeString(metricsFile, ReportJson.toJson(metrics));
        return new RegistryBaseline(version, metrics, metricsFile, predictions, description);
    }

    /**
     * The request comparing with a registered model: its files fetched into {@code <reportDir>/baseline}, the
     * registry's errors as {@link InputException}s (one line, no credentials).
     */
    public static EvaluationRequest fetchInto(final EvaluationRequest request, final ModelRegistry registry,
            final ModelUri reference) throws IOException {
        try {
            var directory = (request.reportDir() != null ? request.reportDir() : Files.createTempDirectory("mlops-"))
                    .resolve("baseline");
            var baseline = resolve(registry, reference, directory);
            return request.withRegisteredBaseline(baseline.predictions().orElse(null), baseline.metricsFile(),
                    baseline.description());
        } catch (MlflowException e) {
            throw new InputException(e.getMessage());
        }
    }

    private static Optional<Double> parse(final String value) {
        try {
            return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
