package io.mlops.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.lineage.LineageEvent;
import io.mlops.mlflow.MlflowException;
import io.mlops.report.ErrorReportWriter;
import io.mlops.report.ReportJson;
import io.mlops.report.ReportKind;
import io.mlops.report.Status;
import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code registerModel} step: puts a model into a registry as a new version — its files uploaded into a run
 * (the training run, or a run of this build), or an existing {@code runs:/} / {@code models:/} source — tags the
 * version with the build's lineage (commit, build, dataset digests, training run, evaluation verdict and key
 * metrics), stores the evaluation's predictions next to it for later paired comparisons, and sets an alias
 * when asked. Registration is idempotent per build: a retried step returns the version the build made.
 */
public final class RegisterModel {
    /**
     * Where the evaluation's predictions are stored, as the baseline of later builds: a {@code runs:/} URI (the
     * model's run, or this build's run when the model came from an existing source).
     */
    public static final String PREDICTIONS_TAG = "mlops.predictions";
    public static final String PREDICTIONS_SHA256_TAG = "mlops.predictions.sha256";
    public static final String EVALUATION_STATUS_TAG = "mlops.evaluation.status";
    /** Evaluation metrics become tags {@code mlops.metric.<name>}. */
    public static final String METRIC_TAG_PREFIX = "mlops.metric.";
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern RESERVED_ALIAS = Pattern.compile("(?i)latest|v[0-9]+");

    private RegisterModel() {
    }

    /**
     * Registers a model.
     *
     * @throws InputException for bad input or configuration, and when the registry cannot be reached or
     *                        refuses (HTTP status and MLflow's error code in the message), after an ERROR report
     * @throws IOException    when a model file cannot be read or a report cannot be written
     * @throws IllegalStateException when the thread is interrupted while reading; the interrupt status stays set
     */
    public static RegistrationReport run(final RegistrationRequest request, final ModelRegistry registry)
            throws IOException {
        return ErrorReportWriter.unlessResult(ReportKind.MODEL_REGISTRATION, request.reportDir(), "the model",
                started -> {
                    var report = register(request, registry, started);
                    if (request.reportDir() != null) {
                        RegistrationReportWriter.write(report, request.reportDir());
                    }
                    return report;
                });
    }

    /** Registers; a registry that cannot be reached or refuses is an {@link InputException} (its one line). */
    private static RegistrationReport register(final RegistrationRequest request, final ModelRegistry registry,
            final Instant started) throws IOException {
        try {
            return registerWith(request, registry, started);
        }
        catch (MlflowException e) {
            throw new InputException(e.getMessage());
        }
    }

    private static RegistrationReport registerWith(final RegistrationRequest request, final ModelRegistry registry,
            final Instant started) throws IOException {
        checkName(request.name());
        if (request.alias() != null) {
            checkAlias(request.alias());
        }
        if ((request.modelPath() == null) == (request.source() == null)) {
            throw new InputException("give either a model directory (--model-path) or an existing model "
                    + "(--source runs:/... or models:/...), not " + (request.modelPath() == null ? "neither" : "both"));
        }
        var evaluation = request.evaluation() == null ? null : Evaluation.read(request.evaluation());
        var tags = versionTags(request, evaluation);

        RegistryRun run = null;
        String source;
        String runId;
        if (request.modelPath() != null) {
            var files = modelFiles(request.modelPath());
            run = request.runId() != null ? registry.run(request.runId())
                    : registry.runFor(experiment(request), "register " + request.name(), runTags(request));
            for (var file : files.entrySet()) {
                registry.upload(run, file.getValue(), RegistrationRequest.MODEL_ARTIFACT_PATH + "/" + file.getKey());
            }
            runId = run.runId();
            source = registry.sourceOf(ModelUri.parse(run.uri(RegistrationRequest.MODEL_ARTIFACT_PATH)));
        }
        else {
            var reference = ModelUri.parse(request.source());
            if (reference.kind() == ModelUri.Kind.RUN) {
                source = registry.sourceOf(reference);
                runId = reference.runId();
                run = registry.run(runId);
            }
            else {
                var existing = resolve(registry, reference);
                source = existing.source();
                runId = existing.runId();
                run = runId == null ? null : registry.run(runId);
            }
        }
        if (run != null) {
            registry.logDatasets(run.runId(), request.lineage().datasetDigests());
        }
        if (evaluation != null && evaluation.predictions() != null) {
            // An existing source's run belongs to an earlier registration whose stored predictions must stay:
            // this build's predictions go into this build's own run then.
            var predictionsRun = request.modelPath() != null ? run
                    : registry.runFor(experiment(request), "register " + request.name(), runTags(request));
            var artifact = "mlops/predictions" + extension(evaluation.predictions());
            registry.upload(predictionsRun, evaluation.predictions(), artifact);
            tags.put(PREDICTIONS_TAG, predictionsRun.uri(artifact));
            if (evaluation.predictionsSha256() != null) {
                tags.put(PREDICTIONS_SHA256_TAG, evaluation.predictionsSha256());
            }
        }
        var registered = registry.register(request.name(), source, runId, request.description(), tags);
        var version = registered.version();
        if (request.alias() != null) {
            registry.setAlias(request.name(), request.alias(), version.version());
            version = registry.version(request.name(), version.version()).orElse(version);
        }
        var experimentId = run == null ? null : run.experimentId();
        var links = registry.links(experimentId, runId, version.name(), version.version());
        var event = lineageEvent(request, registry, version, experimentId, links, evaluation);
        var summary = "PASSED: " + (registered.created() ? "registered " : "already registered by this build: ")
                + version.uri() + (request.alias() != null ? " (@" + request.alias() + ")" : "") + " in "
                + registry.describe() + ".";
        return new RegistrationReport(Status.PASSED, summary, started,
                Duration.between(started, Instant.now()).toMillis(), registry.describe(), version,
                registered.created(), request.alias(), experimentId, links, event);
    }

    /** The version a {@code models:/} reference names. */
    public static RegistryVersion resolve(final ModelRegistry registry, final ModelUri reference) {
        var found = switch (reference.kind()) {
            case MODEL_VERSION -> registry.version(reference.name(), reference.version());
            case MODEL_LATEST -> registry.latestVersion(reference.name());
            case MODEL_ALIAS -> registry.versionByAlias(reference.name(), reference.alias());
            case RUN -> throw new IllegalArgumentException("not a models:/ reference: " + reference);
        };
        return found.orElseThrow(() -> new InputException(reference + " does not exist in " + registry.describe()
                + (reference.kind() == ModelUri.Kind.MODEL_ALIAS ? ": no version has the alias '"
                + reference.alias() + "' (set it with registerModel alias: '" + reference.alias() + "')" : "")));
    }

    private static String experiment(final RegistrationRequest request) {
        return request.experiment() != null ? request.experiment() : request.name();
    }

    private static void checkName(final String name) {
        if (name.isBlank() || name.contains("/") || name.contains("@") || name.length() > 256
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InputException("model name '" + name + "' is not usable: expected 1 to 256 characters "
                    + "without '/', '@' or control characters");
        }
    }

    /** MLflow's rules for alias names ({@code mlflow/utils/validation.py _validate_model_alias_name}). */
    static void checkAlias(final String alias) {
        if (!ALIAS.matcher(alias).matches() || RESERVED_ALIAS.matcher(alias).matches()) {
            throw new InputException("alias '" + alias + "' is not usable: expected letters, digits, '_' and '-', "
                    + "and not 'latest' or v<number>, which MLflow reserves");
        }
    }

    /** The files of a model directory by their path relative to it (a single file is its own name). */
    private static Map<String, Path> modelFiles(final Path modelPath) throws IOException {
        if (!Files.exists(modelPath)) {
            throw new InputException(modelPath, "no such model directory or file");
        }
        var files = new LinkedHashMap<String, Path>();
        if (Files.isRegularFile(modelPath)) {
            files.put(modelPath.getFileName().toString(), modelPath);
            return files;
        }
        try (Stream<Path> walk = Files.walk(modelPath)) {
            walk.filter(Files::isRegularFile).sorted().forEach(file -> files.put(
                    modelPath.relativize(file).toString().replace('\\', '/'), file));
        }
        if (files.isEmpty()) {
            throw new InputException(modelPath, "the model directory is empty: expected the model's files "
                    + "(e.g. what mlflow.<flavor>.save_model wrote)");
        }
        return files;
    }

    private static Map<String, String> runTags(final RegistrationRequest request) {
        var tags = new LinkedHashMap<String, String>();
        var build = request.build();
        put(tags, ModelRegistry.BUILD_ID_TAG, build.buildId());
        put(tags, "mlflow.source.git.commit", build.gitCommit());
        put(tags, "mlflow.source.git.branch", build.gitBranch());
        put(tags, "mlflow.source.git.repoURL", build.gitUrl());
        put(tags, "jenkins.build.url", build.buildUrl());
        return tags;
    }

    private static Map<String, String> versionTags(final RegistrationRequest request, final Evaluation evaluation) {
        var tags = new LinkedHashMap<String, String>();
        var build = request.build();
        var lineage = request.lineage();
        put(tags, ModelRegistry.BUILD_ID_TAG, build.buildId());
        put(tags, "git.commit", build.gitCommit() != null ? build.gitCommit()
                : lineage.latest(LineageEvent.GIT_COMMIT).orElse(null));
        put(tags, "git.branch", build.gitBranch());
        put(tags, "git.repository", build.gitUrl());
        put(tags, "jenkins.build.url", build.buildUrl());
        put(tags, "jenkins.job", build.jobName());
        int index = 1;
        for (var digest : lineage.datasetDigests().entrySet()) {
            tags.put("mlops.dataset." + index++, "sha256:" + digest.getValue() + " " + digest.getKey());
        }
        put(tags, "mlops.training.run", lineage.latest(LineageEvent.TRAINING_RUN).orElse(null));
        if (evaluation != null) {
            tags.put(EVALUATION_STATUS_TAG, evaluation.status());
            evaluation.metrics().forEach((metric, value) -> tags.put(METRIC_TAG_PREFIX + metric, value));
        }
        else {
            put(tags, EVALUATION_STATUS_TAG, lineage.latest(LineageEvent.EVALUATION_STATUS).orElse(null));
        }
        tags.putAll(request.tags());
        return tags;
    }

    private static LineageEvent lineageEvent(final RegistrationRequest request, final ModelRegistry registry,
            final RegistryVersion version, final String experimentId, final ModelRegistry.Links links,
            final Evaluation evaluation) {
        var facts = new LinkedHashMap<String, String>();
        facts.put(LineageEvent.MODEL_NAME, version.name());
        facts.put(LineageEvent.MODEL_VERSION, version.version());
        facts.put(LineageEvent.MODEL_URI, version.uri());
        put(facts, LineageEvent.MODEL_ALIAS, request.alias());
        put(facts, LineageEvent.MODEL_SOURCE, version.source());
        put(facts, LineageEvent.MLFLOW_EXPERIMENT, experimentId);
        put(facts, LineageEvent.MLFLOW_RUN, version.runId());
        put(facts, LineageEvent.GIT_COMMIT, request.build().gitCommit());
        put(facts, LineageEvent.EVALUATION_STATUS, evaluation == null ? null : evaluation.status());
        facts.put(LineageEvent.REGISTRY, registry.describe());
        var urls = new LinkedHashMap<String, String>();
        put(urls, "MLflow experiment", links.experiment());
        put(urls, "MLflow run", links.run());
        put(urls, "Model version", links.version());
        return new LineageEvent(ReportKind.MODEL_REGISTRATION.step(), Instant.now(), Status.PASSED.name(), facts,
                urls);
    }

    private static void put(final Map<String, String> map, final String key, final String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String extension(final Path file) {
        var name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
    }

    /**
     * What registration takes from an evaluation's report.json: its status, its top-level metrics, and its
     * predictions file (when it still exists where the evaluation read it).
     */
    record Evaluation(String status, Map<String, String> metrics, Path predictions, String predictionsSha256) {
        static Evaluation read(final Path file) {
            if (!Files.isRegularFile(file)) {
                throw new InputException(file, "no such file: expected the report.json of evaluateModel");
            }
            JsonNode root;
            try {
                root = ReportJson.readTree(file);
            }
            catch (IOException e) {
                throw new InputException(file, "cannot read the evaluation report: " + e.getMessage().lines()
                        .findFirst().orElse(""));
            }
            if (root == null || !ReportKind.MODEL_EVALUATION.id().equals(root.path("kind").asText())) {
                throw new InputException(file, "not an evaluation report: expected the report.json of "
                        + "evaluateModel (kind model-evaluation)");
            }
            var status = root.path("status").asText();
            if (Status.ERROR.name().equals(status)) {
                throw new InputException(file, "the evaluation ended in ERROR: register a model whose "
                        + "evaluation finished");
            }
            var metrics = new LinkedHashMap<String, String>();
            var names = new ArrayList<String>();
            root.path("metrics").fieldNames().forEachRemaining(names::add);
            for (var name : names) {
                var value = root.path("metrics").get(name);
                if (value.isNumber()) {
                    metrics.put(name, value.asText());
                }
            }
            var dataset = root.path("predictions");
            Path predictions = null;
            if (dataset.hasNonNull("path")) {
                var path = Path.of(dataset.get("path").asText());
                var resolved = path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path);
                predictions = Files.isRegularFile(path) ? path : Files.isRegularFile(resolved) ? resolved : null;
            }
            var sha = dataset.hasNonNull("sha256") ? dataset.get("sha256").asText() : null;
            return new Evaluation(status, metrics, predictions, sha);
        }
    }
}
