package io.mlops.registry;

import io.mlops.mlflow.Dataset;
import io.mlops.mlflow.DatasetInput;
import io.mlops.mlflow.Metric;
import io.mlops.mlflow.MlflowClient;
import io.mlops.mlflow.MlflowException;
import io.mlops.mlflow.ModelVersion;
import io.mlops.mlflow.NewModelVersion;
import io.mlops.mlflow.Page;
import io.mlops.mlflow.Run;
import io.mlops.mlflow.Tag;
import io.mlops.util.InputException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The model registry of an MLflow tracking server (2.x or 3.x), through its REST API: runs hold the model's
 * files (uploaded through the server's artifact proxy), versions are registered from them, and registration
 * is idempotent per build through the {@link #BUILD_ID_TAG} tag that every version made by a build carries.
 */
public final class MlflowRegistry implements ModelRegistry {
    private static final int PAGE = 1000;
    private static final int DIGEST_CHARS = 32;
    /** The {@code mlflow.data.context} of the datasets validateData checked. */
    static final String DATASET_CONTEXT = "validation";

    private final MlflowClient client;

    public MlflowRegistry(final MlflowClient client) {
        this.client = client;
    }

    @Override
    public String describe() {
        return "MLflow at " + client.connection().trackingUri();
    }

    @Override
    public RegistryRun run(final String runId) {
        return toRun(getRun(runId));
    }

    private Run getRun(final String runId) {
        try {
            return client.getRun(runId);
        } catch (MlflowException e) {
            if (e.isNotFound()) {
                throw new InputException("run " + runId + " does not exist in " + describe()
                        + ": expected the id of an existing MLflow run (e.g. the training run)");
            }
            throw e;
        }
    }

    @Override
    public RegistryRun runFor(final String experiment, final String runName, final Map<String, String> tags) {
        var experimentId = client.experimentId(experiment);
        var buildId = tags.get(BUILD_ID_TAG);
        if (buildId != null) {
            var existing = findRun(experimentId, buildId, runName);
            if (existing.isPresent()) {
                return toRun(existing.get());
            }
        }
        var created = client.createRun(experimentId, runName, System.currentTimeMillis(), tagList(tags));
        // The run only holds files and metrics; finished, it does not look like a job still in progress.
        client.updateRun(created.info().runId(), "FINISHED", System.currentTimeMillis());
        return toRun(created);
    }

    private Optional<Run> findRun(final String experimentId, final String buildId, final String runName) {
        return firstMatch(token -> client.searchRuns(List.of(experimentId), tagFilter(buildId).orElse(null), PAGE,
                token), run -> run.tag(BUILD_ID_TAG).filter(buildId::equals).isPresent()
                && Objects.equals(runName, run.info().runName()));
    }

    /** The first item of a paged search that matches, fetching pages until one does or none is left. */
    private static <T> Optional<T> firstMatch(final Function<String, Page<T>> search, final Predicate<T> matches) {
        return items(search).filter(matches).findFirst();
    }

    /** The items of a paged search, page after page; a page is fetched only when the stream reaches it. */
    private static <T> Stream<T> items(final Function<String, Page<T>> search) {
        return Stream.iterate(search.apply(null), Objects::nonNull,
                page -> page.nextPageToken().map(search).orElse(null)).flatMap(page -> page.items().stream());
    }

    @Override
    public void upload(final RegistryRun run, final Path file, final String artifactPath) {
        client.uploadArtifact(run.artifactRoot(), artifactPath, file);
    }

    @Override
    public void download(final String runId, final String artifactPath, final Path target) {
        client.downloadArtifact(getRun(runId).info().artifactUri(), artifactPath, target);
    }

    @Override
    public void logMetrics(final String runId, final Map<String, Double> metrics) {
        long now = System.currentTimeMillis();
        var list = new ArrayList<Metric>();
        metrics.forEach((key, value) -> list.add(new Metric(key, value, now, 0)));
        client.logBatch(runId, list, List.of(), List.of());
    }

    /**
     * One {@code runs/log-inputs} call: each dataset named by its file name, its digest the first 32 hex digits of
     * the SHA-256 (MLflow allows 36 characters), its source the path, in the context {@code validation}.
     */
    @Override
    public void logDatasets(final String runId, final Map<String, String> sha256ByPath) {
        var inputs = new ArrayList<DatasetInput>();
        sha256ByPath.forEach((path, sha256) -> inputs.add(DatasetInput.of(Dataset.local(path,
                sha256.substring(0, Math.min(DIGEST_CHARS, sha256.length()))), DATASET_CONTEXT)));
        if (!inputs.isEmpty()) {
            client.logInputs(runId, inputs);
        }
    }

    @Override
    public Map<String, String> runDatasets(final String runId) {
        var datasets = new LinkedHashMap<String, String>();
        for (var input : getRun(runId).inputs().datasetInputs()) {
            datasets.put(input.dataset().sourceUri(), input.dataset().digest());
        }
        return datasets;
    }

    @Override
    public void tagRun(final String runId, final Map<String, String> tags) {
        client.logBatch(runId, List.of(), List.of(), tagList(tags));
    }

    @Override
    public void endRun(final String runId, final boolean succeeded) {
        client.updateRun(runId, succeeded ? "FINISHED" : "FAILED", System.currentTimeMillis());
    }

    @Override
    public Optional<String> trackingUri() {
        return Optional.of(client.connection().trackingUri().toString());
    }

    @Override
    public Map<String, Double> runMetrics(final String runId) {
        var metrics = new LinkedHashMap<String, Double>();
        getRun(runId).data().metrics().forEach(metric -> metrics.put(metric.key(), metric.value()));
        return metrics;
    }

    @Override
    public String sourceOf(final ModelUri runReference) {
        var root = getRun(runReference.runId()).info().artifactUri();
        return runReference.path().isEmpty() ? root : root + "/" + runReference.path();
    }

    @Override
    public Optional<RegistryVersion> version(final String name, final String version) {
        try {
            return Optional.of(toVersion(client.getModelVersion(name, version)));
        } catch (MlflowException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The highest version number among the model's versions, as MLflow resolves {@code models:/NAME/latest}. */
    @Override
    public Optional<RegistryVersion> latestVersion(final String name) {
        var filter = "name = " + quote(name);
        return items(token -> client.searchModelVersions(filter, PAGE, token))
                .filter(version -> version.name().equals(name))
                .max(Comparator.comparingLong(version -> Long.parseLong(version.version())))
                .map(MlflowRegistry::toVersion);
    }

    @Override
    public Optional<RegistryVersion> versionByAlias(final String name, final String alias) {
        return client.findVersionByAlias(name, alias).map(MlflowRegistry::toVersion);
    }

    /**
     * Creates the registered model when missing, then the version — unless a version of this build exists. The
     * create call is sent once; when its answer is lost (5xx, 429, no response) the server may have created
     * the version anyway, so each retry first looks for it by the build's tag and only creates when it is not
     * there. Without a build id there is nothing to look for, and the create is not retried.
     */
    @Override
    public Registered register(final String name, final String source, final String runId,
            final String description, final Map<String, String> tags) {
        ensureModel(name);
        var buildId = tags.get(BUILD_ID_TAG);
        var policy = client.connection().retryPolicy();
        for (int attempt = 1; ; attempt++) {
            if (buildId != null) {
                var existing = findVersion(name, buildId);
                if (existing.isPresent()) {
                    return new Registered(toVersion(existing.get()), false);
                }
            }
            try {
                var runLink = runId == null ? null : runLink(runId);
                var created = client.createModelVersion(new NewModelVersion(name, source, runId, runLink, description,
                        tagList(tags), null));
                return new Registered(toVersion(created), true);
            } catch (MlflowException e) {
                if (!e.isRetryable() || buildId == null || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                sleep(policy.delayAfter(attempt, ThreadLocalRandom.current()));
            }
        }
    }

    private void ensureModel(final String name) {
        if (client.findRegisteredModel(name).isPresent()) {
            return;
        }
        try {
            client.createRegisteredModel(name, null, List.of());
        } catch (MlflowException e) {
            if (!"RESOURCE_ALREADY_EXISTS".equals(e.getErrorCode())) {
                throw e;
            }
        }
    }

    private Optional<ModelVersion> findVersion(final String name, final String buildId) {
        var filter = "name = " + quote(name);
        return firstMatch(token -> client.searchModelVersions(filter, PAGE, token), version -> version.name()
                .equals(name) && version.tag(BUILD_ID_TAG).filter(buildId::equals).isPresent());
    }

    @Override
    public void setAlias(final String name, final String alias, final String version) {
        client.setAlias(name, alias, version);
    }

    @Override
    public Links links(final String experimentId, final String runId, final String name, final String version) {
        var base = client.connection().trackingUri() + "/#/";
        var experiment = experimentId == null ? null : base + "experiments/" + experimentId;
        var run = experiment == null || runId == null ? null : experiment + "/runs/" + runId;
        var model = name == null || version == null ? null : base + "models/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "/versions/" + version;
        return new Links(experiment, run, model);
    }

    private String runLink(final String runId) {
        var run = getRun(runId);
        return links(run.info().experimentId(), runId, null, null).run();
    }

    private static RegistryRun toRun(final Run run) {
        return new RegistryRun(run.info().runId(), run.info().experimentId(), run.info().artifactUri());
    }

    private static RegistryVersion toVersion(final ModelVersion version) {
        var tags = new LinkedHashMap<String, String>();
        version.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        return new RegistryVersion(version.name(), version.version(), version.source(), version.runId(),
                version.description(), tags,
                version.aliases(), version.creationTimestamp());
    }

    private static List<Tag> tagList(final Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> new Tag(tag.getKey(), tag.getValue())).toList();
    }

    /**
     * A search filter on the build tag, when the value can be quoted; otherwise none, and the caller filters
     * the experiment's runs itself.
     */
    private static Optional<String> tagFilter(final String buildId) {
        if (buildId.contains("'")) {
            return Optional.empty();
        }
        return Optional.of("tags.`" + BUILD_ID_TAG + "` = '" + buildId + "'");
    }

    /** A string literal of MLflow's search grammar: single quotes, or double quotes around a single quote. */
    private static String quote(final String value) {
        if (!value.contains("'")) {
            return "'" + value + "'";
        }
        if (!value.contains("\"")) {
            return "\"" + value + "\"";
        }
        throw new InputException("model name " + value + " contains both quote characters, which MLflow's "
                + "search cannot express: rename the model");
    }

    private static void sleep(final Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while waiting to retry the registration");
        }
    }
}
