package io.mlops.mlflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.util.InputException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A typed client of the MLflow tracking server's REST API 2.0, with no Python on the machine: experiments,
 * runs, {@code log-batch}, {@code log-inputs}, the model registry (registered models, versions, tags, aliases)
 * and artifacts through the server's artifact proxy.
 *
 * <p>Every path, method and field name was checked against MLflow's sources (repository {@code mlflow/mlflow}):
 * the {@code rpc} options and messages of {@code mlflow/protos/service.proto} (experiments, runs,
 * {@code LogBatch}, {@code LogInputs}, {@code Dataset}), {@code mlflow/protos/model_registry.proto}
 * (registered models, model versions, {@code SetRegisteredModelAlias}, {@code DeleteRegisteredModelAlias},
 * {@code GetModelVersionByAlias}), {@code mlflow/protos/mlflow_artifacts.proto} ({@code uploadArtifact} PUT and
 * {@code downloadArtifact} GET under {@code /api/2.0/mlflow-artifacts/artifacts/<path>}),
 * {@code mlflow/server/handlers.py} (GET parameters in the query string, others in a JSON body) and
 * {@code mlflow/server/__init__.py} ({@code GET /version} and {@code GET /health}).
 */
public final class MlflowClient {
    private static final String API = "/api/2.0/mlflow/";
    private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final String ARTIFACT_SCHEME = "mlflow-artifacts";
    private static final int MAX_DATASETS_PER_CALL = 1000;
    private static final TypeReference<List<Run>> RUNS = new TypeReference<>() { };
    private static final TypeReference<List<RegisteredModel>> MODELS = new TypeReference<>() { };
    private static final TypeReference<List<ModelVersion>> VERSIONS = new TypeReference<>() { };

    private final MlflowConnection connection;
    private final MlflowHttp http;
    private volatile ServerVersion serverVersion;

    private MlflowClient(final MlflowConnection connection) {
        this.connection = connection;
        this.http = new MlflowHttp(connection);
    }

    /** A client of the server a connection describes; nothing is sent until the first call. */
    public static MlflowClient connect(final MlflowConnection connection) {
        return new MlflowClient(connection);
    }

    /** The connection, whose {@code toString()} shows no secret. */
    public MlflowConnection connection() {
        return connection;
    }

    /**
     * The server's MLflow version from {@code GET /version}, asked once per client. A server whose
     * {@code /version} is missing (e.g. behind a proxy that forwards only {@code /api}) is {@link
     * ServerVersion#UNKNOWN} and treated like a 2.x server.
     */
    public ServerVersion serverVersion() {
        var known = serverVersion;
        if (known == null) {
            known = http.text("/version").map(ServerVersion::parse).orElse(ServerVersion.UNKNOWN);
            serverVersion = known;
        }
        return known;
    }

    // ---- experiments

    /** The experiment of that name ({@code GET experiments/get-by-name}), if it exists. */
    public Optional<Experiment> findExperimentByName(final String name) {
        return optional(() -> read(http.get(API + "experiments/get-by-name", query("experiment_name", name))
                .path("experiment"), Experiment.class));
    }

    /** Creates an experiment ({@code POST experiments/create}) and returns its id. */
    public String createExperiment(final String name) {
        return http.send("POST", API + "experiments/create", body("name", name)).path("experiment_id").asText();
    }

    /** The id of the experiment of that name, created when missing; safe when another build creates it first. */
    public String experimentId(final String name) {
        var existing = findExperimentByName(name);
        if (existing.isPresent()) {
            return existing.get().experimentId();
        }
        try {
            return createExperiment(name);
        } catch (MlflowException e) {
            if (!"RESOURCE_ALREADY_EXISTS".equals(e.getErrorCode())) {
                throw e;
            }
            return findExperimentByName(name).orElseThrow(() -> e).experimentId();
        }
    }

    // ---- runs

    /** Starts a run ({@code POST runs/create}). */
    public Run createRun(final String experimentId, final String runName, final long startTime,
            final List<Tag> tags) {
        var body = body("experiment_id", experimentId, "run_name", runName, "start_time", startTime, "tags", tags);
        return read(http.send("POST", API + "runs/create", body).path("run"), Run.class);
    }

    /** Sets a run's status and end time ({@code POST runs/update}). */
    public RunInfo updateRun(final String runId, final String status, final long endTime) {
        var body = body("run_id", runId, "status", status, "end_time", endTime);
        return read(http.send("POST", API + "runs/update", body).path("run_info"), RunInfo.class);
    }

    /** A run ({@code GET runs/get}). */
    public Run getRun(final String runId) {
        return read(http.get(API + "runs/get", query("run_id", runId)).path("run"), Run.class);
    }

    /**
     * One page of runs ({@code POST runs/search}).
     *
     * @param experimentIds the experiments to search
     * @param filter        MLflow's filter, e.g. {@code tags.jenkins.build.url = 'https://...'}, or {@code null}
     * @param maxResults    the page size
     * @param pageToken     the token of {@link Page#nextPageToken()}, or {@code null} for the first page
     */
    public Page<Run> searchRuns(final List<String> experimentIds, final String filter, final int maxResults,
            final String pageToken) {
        var body = body("experiment_ids", experimentIds, "filter", filter, "max_results", maxResults,
                "page_token", pageToken);
        var node = http.send("POST", API + "runs/search", body);
        return new Page<>(read(node.path("runs"), RUNS), token(node));
    }

    /**
     * Logs metrics, parameters and tags ({@code POST runs/log-batch}), in as many calls as the server's limits
     * need.
     *
     * @return the number of calls made
     */
    public int logBatch(final String runId, final List<Metric> metrics, final List<Tag> params,
            final List<Tag> tags) {
        var batches = LogBatch.split(runId, metrics, params, tags);
        for (var batch : batches) {
            http.send("POST", API + "runs/log-batch", batch);
        }
        return batches.size();
    }

    /** Records the datasets a run used ({@code POST runs/log-inputs}). */
    public void logInputs(final String runId, final List<DatasetInput> datasets) {
        for (int from = 0; from < datasets.size(); from += MAX_DATASETS_PER_CALL) {
            var chunk = datasets.subList(from, Math.min(datasets.size(), from + MAX_DATASETS_PER_CALL));
            http.send("POST", API + "runs/log-inputs", body("run_id", runId, "datasets", chunk));
        }
    }

    // ---- registered models

    /** Creates a registered model ({@code POST registered-models/create}). */
    public RegisteredModel createRegisteredModel(final String name, final String description,
            final List<Tag> tags) {
        var body = body("name", name, "description", description, "tags", tags);
        return read(http.send("POST", API + "registered-models/create", body).path("registered_model"),
                RegisteredModel.class);
    }

    /** The registered model of that name ({@code GET registered-models/get}), if it exists. */
    public Optional<RegisteredModel> findRegisteredModel(final String name) {
        return optional(() -> read(http.get(API + "registered-models/get", query("name", name))
                .path("registered_model"), RegisteredModel.class));
    }

    /** One page of registered models ({@code GET registered-models/search}); filter e.g. {@code name LIKE 'x%'}. */
    public Page<RegisteredModel> searchRegisteredModels(final String filter, final int maxResults,
            final String pageToken) {
        var node = http.get(API + "registered-models/search", query("filter", filter, "max_results", maxResults,
                "page_token", pageToken));
        return new Page<>(read(node.path("registered_models"), MODELS), token(node));
    }

    // ---- model versions

    /**
     * Registers a new version ({@code POST model-versions/create}), sent once without retries: when the answer
     * is lost, the server may have created the version, and sending again would create a second one. Callers
     * that retry look for the version first (see {@code MlflowRegistry.register}).
     *
     * @throws MlflowException before sending anything when a {@code model_id} is given to a server older than 3
     */
    public ModelVersion createModelVersion(final NewModelVersion version) {
        var endpoint = "POST " + API + "model-versions/create";
        if (version.modelId() != null && !serverVersion().isAtLeast3()) {
            throw new MlflowException(endpoint, "a model_id (MLflow 3 logged model) needs an MLflow 3 server, "
                    + "but the server reports version " + serverVersion().text());
        }
        var body = body("name", version.name(), "source", version.source(), "run_id", version.runId(),
                "run_link", version.runLink(), "description", version.description(), "tags", version.tags(),
                "model_id", version.modelId());
        return read(http.sendOnce(API + "model-versions/create", body).path("model_version"),
                ModelVersion.class);
    }

    /** A model version ({@code GET model-versions/get}). */
    public ModelVersion getModelVersion(final String name, final String version) {
        return read(http.get(API + "model-versions/get", query("name", name, "version", version))
                .path("model_version"), ModelVersion.class);
    }

    /** One page of model versions ({@code GET model-versions/search}); filter e.g. {@code name = 'churn'}. */
    public Page<ModelVersion> searchModelVersions(final String filter, final int maxResults,
            final String pageToken) {
        var node = http.get(API + "model-versions/search", query("filter", filter, "max_results", maxResults,
                "page_token", pageToken));
        return new Page<>(read(node.path("model_versions"), VERSIONS), token(node));
    }

    /** Sets a tag on a model version ({@code POST model-versions/set-tag}). */
    public void setModelVersionTag(final String name, final String version, final String key, final String value) {
        http.send("POST", API + "model-versions/set-tag",
                body("name", name, "version", version, "key", key, "value", value));
    }

    // ---- aliases

    /** Points an alias at a version, moving it if it pointed elsewhere ({@code POST registered-models/alias}). */
    public void setAlias(final String name, final String alias, final String version) {
        http.send("POST", API + "registered-models/alias", body("name", name, "alias", alias, "version", version));
    }

    /**
     * The version an alias points at ({@code GET registered-models/alias}), if the model and alias exist. The
     * SQL store answers an unknown alias with HTTP 400 {@code INVALID_PARAMETER_VALUE}, not 404, so that
     * answer counts as "no such alias" only when the model exists and lists no such alias.
     */
    public Optional<ModelVersion> findVersionByAlias(final String name, final String alias) {
        try {
            return optional(() -> read(http.get(API + "registered-models/alias", query("name", name, "alias", alias))
                    .path("model_version"), ModelVersion.class));
        } catch (MlflowException e) {
            if (!"INVALID_PARAMETER_VALUE".equals(e.getErrorCode())) {
                throw e;
            }
            var model = findRegisteredModel(name);
            if (model.isPresent() && model.get().versionOf(alias).isEmpty()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Removes an alias ({@code DELETE registered-models/alias}, parameters in a JSON body). */
    public void deleteAlias(final String name, final String alias) {
        http.send("DELETE", API + "registered-models/alias", body("name", name, "alias", alias));
    }

    // ---- artifacts

    /**
     * Uploads a file through the server's artifact proxy ({@code PUT /api/2.0/mlflow-artifacts/artifacts/...}).
     *
     * @param artifactUri  a run's {@link RunInfo#artifactUri()}, which must be {@code mlflow-artifacts:/...}
     * @param relativePath where under it, e.g. {@code model/model.onnx}
     * @param file         the file to upload
     */
    public void uploadArtifact(final String artifactUri, final String relativePath, final Path file) {
        http.upload(artifactPath(artifactUri, relativePath), file);
    }

    /** Downloads a file through the server's artifact proxy ({@code GET /api/2.0/mlflow-artifacts/artifacts/...}). */
    public void downloadArtifact(final String artifactUri, final String relativePath, final Path target) {
        http.download(artifactPath(artifactUri, relativePath), target);
    }

    /**
     * The proxy path of an artifact: {@code mlflow-artifacts:/1/<run>/artifacts} (or with a host,
     * {@code mlflow-artifacts://host/1/...}) plus {@code model/x} is
     * {@code /api/2.0/mlflow-artifacts/artifacts/1/<run>/artifacts/model/x}, each segment URL-encoded.
     */
    static String artifactPath(final String artifactUri, final String relativePath) {
        URI uri;
        try {
            uri = URI.create(artifactUri);
        } catch (IllegalArgumentException e) {
            throw new InputException("not an artifact URI: " + artifactUri);
        }
        if (!ARTIFACT_SCHEME.equals(uri.getScheme()) || uri.getPath() == null) {
            throw new InputException("the artifact location " + artifactUri + " is not served by the MLflow "
                    + "server: expected an mlflow-artifacts:/ URI (start the server with --serve-artifacts, the "
                    + "default, and without --default-artifact-root pointing at a bucket)");
        }
        var segments = new ArrayList<String>();
        for (var text : List.of(uri.getPath(), relativePath)) {
            for (var segment : text.split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..") || segment.contains("\\")) {
                    throw new InputException("the artifact path " + relativePath
                            + " must stay inside the run's artifacts: expected no '..' or backslash");
                }
                segments.add(MlflowHttp.encodeSegment(segment));
            }
        }
        return ARTIFACTS + String.join("/", segments);
    }

    // ---- JSON

    private static <T> Optional<T> optional(final Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (MlflowException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T read(final JsonNode node, final Class<T> type) {
        try {
            return MlflowHttp.JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected MLflow " + type.getSimpleName() + " JSON: " + e.getMessage(),
                    e);
        }
    }

    private static <T> List<T> read(final JsonNode node, final TypeReference<List<T>> type) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        try {
            return MlflowHttp.JSON.readerFor(type).readValue(node);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected MLflow list JSON: " + e.getMessage(), e);
        }
    }

    private static Optional<String> token(final JsonNode page) {
        return Optional.of(page.path("next_page_token").asText("")).filter(token -> !token.isEmpty());
    }

    /** A JSON body of alternating names and values; null values are left out. */
    private static Map<String, Object> body(final Object... namesAndValues) {
        var body = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    private static Map<String, String> query(final Object... namesAndValues) {
        var query = new LinkedHashMap<String, String>();
        body(namesAndValues).forEach((name, value) -> query.put(name, String.valueOf(value)));
        return query;
    }
}
