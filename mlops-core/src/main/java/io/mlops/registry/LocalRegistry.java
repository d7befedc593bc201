package io.mlops.registry;

import io.mlops.registry.LocalDocuments.Experiment;
import io.mlops.registry.LocalDocuments.Model;
import io.mlops.registry.LocalDocuments.Run;
import io.mlops.registry.LocalDocuments.Version;
import io.mlops.util.AtomicFiles;
import io.mlops.util.FileLock;
import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The embedded model registry: a local directory with MLflow's semantics (experiments, runs with artifacts and
 * metrics, registered models with numbered versions, aliases and tags), used when no MLflow server is
 * configured, and safe for concurrent builds on one machine, in one process or many.
 *
 * <p>Layout of the directory (created on the first write):
 * <pre>
 * experiments/ID/experiment.json        {id, name, created}; ids count up from "1"
 * runs/RUN_ID/run.json                  {runId, experimentId, runName, startTime, tags, metrics: latest values}
 * runs/RUN_ID/artifacts/PATH            the run's files
 * models/NAME/model.json                {name, created, aliases: alias → version}
 * models/NAME/versions/N/version.json   {name, version, source, runId, tags, created}; N counts up from 1
 * .lock files beside them               held while the JSON next to them is read, changed and replaced
 * </pre>
 * {@code RUN_ID} is 32 lowercase hex characters, as MLflow's. {@code NAME} is the model name percent-encoded
 * outside {@code [A-Za-z0-9._-]} (see {@link LocalLayout#fileName}); the real name is in model.json. A
 * version's source is the path of the artifact it was registered from (a {@code runs:/} reference resolves to
 * {@code .../runs/RUN_ID/artifacts/PATH}), answered as an absolute path as MLflow's file store records a local
 * artifact location, but stored relative to the registry's directory when it lies inside, so that the directory
 * can be moved or copied whole; unlike MLflow, a reference to an artifact the run does not hold is refused at once.
 *
 * <p>Every JSON file is replaced atomically, so readers take no lock; every read-modify-write holds the
 * {@link FileLock} of what it changes, which also makes registration and {@link #runFor} idempotent per build
 * when parallel builds or processes race.
 */
public final class LocalRegistry implements ModelRegistry {
    private final LocalLayout layout;

    /** A registry in {@code directory}; nothing is created before the first write. */
    public LocalRegistry(final Path directory) {
        layout = new LocalLayout(directory);
    }

    @Override
    public String describe() {
        return "local registry " + layout.root();
    }

    @Override
    public RegistryRun run(final String runId) {
        return toRun(requireRun(runId));
    }

    @Override
    public RegistryRun runFor(final String experiment, final String runName, final Map<String, String> tags) {
        var experimentId = experimentId(experiment);
        return locked(layout.experimentLock(experimentId), () -> {
            var buildId = tags.get(BUILD_ID_TAG);
            var existing = buildId == null ? Optional.<Run>empty() : findRun(experimentId, buildId, runName);
            if (existing.isPresent()) {
                return toRun(existing.get());
            }
            var run = new Run(newRunId(), experimentId, runName, System.currentTimeMillis(), tags, Map.of(),
                    Map.of());
            LocalDocuments.write(layout.runFile(run.runId()), run);
            return toRun(run);
        });
    }

    /** MLflow's run ids: a random UUID's 32 hex digits. */
    private static String newRunId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The id of the experiment with this name, created (with the next id) when there is none. */
    private String experimentId(final String name) {
        return locked(layout.experimentsLock(), () -> {
            long last = 0;
            for (var id : LocalLayout.children(layout.experiments())) {
                if (LocalLayout.isNumber(id)) {
                    var experiment = LocalDocuments.read(layout.experimentFile(id), Experiment.class);
                    if (experiment.isPresent() && experiment.get().name().equals(name)) {
                        return id;
                    }
                    last = Math.max(last, Long.parseLong(id));
                }
            }
            var id = Long.toString(last + 1);
            LocalDocuments.write(layout.experimentFile(id), new Experiment(id, name, System.currentTimeMillis()));
            return id;
        });
    }

    private Optional<Run> findRun(final String experimentId, final String buildId, final String runName) {
        return LocalLayout.children(layout.runs()).stream().filter(LocalLayout::isRunId)
                .map(id -> LocalDocuments.read(layout.runFile(id), Run.class)).flatMap(Optional::stream)
                .filter(run -> run.experimentId().equals(experimentId) && Objects.equals(run.runName(), runName)
                        && buildId.equals(run.tags().get(BUILD_ID_TAG)))
                .findFirst();
    }

    @Override
    public void upload(final RegistryRun run, final Path file, final String artifactPath) throws IOException {
        requireRun(run.runId());
        var target = layout.artifact(run.runId(), artifactPath);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a readable file");
        }
        try {
            AtomicFiles.copy(file, target);
        } catch (IOException e) {
            // the model file was readable a moment ago: what failed is writing into the registry
            throw LocalDocuments.unwritable(target, e);
        }
    }

    @Override
    public void download(final String runId, final String artifactPath, final Path target) throws IOException {
        requireRun(runId);
        var artifact = layout.artifact(runId, artifactPath);
        if (!Files.isRegularFile(artifact)) {
            throw new InputException("run " + runId + " has no artifact " + artifactPath + " in " + describe()
                    + ": expected a file the run holds");
        }
        AtomicFiles.copy(artifact, target);
    }

    @Override
    public void logMetrics(final String runId, final Map<String, Double> metrics) {
        updateRun(runId, run -> run.withMetrics(metrics));
    }

    @Override
    public void logDatasets(final String runId, final Map<String, String> sha256ByPath) {
        updateRun(runId, run -> run.withDatasets(sha256ByPath));
    }

    @Override
    public void tagRun(final String runId, final Map<String, String> tags) {
        updateRun(runId, run -> run.withTags(tags));
    }

    /** Reads a run, changes it and writes it back, holding the run's lock throughout. */
    private void updateRun(final String runId, final UnaryOperator<Run> change) {
        locked(layout.runLock(runId), () -> {
            LocalDocuments.write(layout.runFile(runId), change.apply(requireRun(runId)));
            return null;
        });
    }

    @Override
    public Map<String, String> runDatasets(final String runId) {
        return requireRun(runId).datasets();
    }

    @Override
    public Map<String, Double> runMetrics(final String runId) {
        return requireRun(runId).metrics();
    }

    @Override
    public String sourceOf(final ModelUri runReference) {
        var runId = requireRun(runReference.runId()).runId();
        var path = runReference.path().isEmpty() ? layout.artifacts(runId)
                : layout.artifact(runId, runReference.path());
        if (!Files.exists(path)) {
            throw new InputException(runReference + " does not exist in " + describe() + ": run " + runId
                    + " has no artifact " + (runReference.path().isEmpty() ? "at all" : runReference.path()));
        }
        return path.toString();
    }

    @Override
    public Optional<RegistryVersion> version(final String name, final String version) {
        if (!LocalLayout.isNumber(version)) {
            return Optional.empty();
        }
        return model(name).flatMap(model -> readVersion(name, version).map(found -> answer(found, model)));
    }

    @Override
    public Optional<RegistryVersion> latestVersion(final String name) {
        return model(name).flatMap(model -> highest(versions(name)).map(found -> answer(found, model)));
    }

    @Override
    public Optional<RegistryVersion> versionByAlias(final String name, final String alias) {
        return model(name).flatMap(model -> Optional.ofNullable(model.aliases().get(alias))
                .flatMap(version -> readVersion(name, version).map(found -> answer(found, model))));
    }

    @Override
    public Registered register(final String name, final String source, final String runId,
            final String description, final Map<String, String> tags) {
        checkName(name);
        return locked(layout.modelLock(name), () -> {
            var model = model(name).orElseGet(() -> createModel(name));
            var versions = versions(name);
            var buildId = tags.get(BUILD_ID_TAG);
            var existing = versions.stream().filter(version -> buildId != null
                    && buildId.equals(version.tags().get(BUILD_ID_TAG))).findFirst();
            if (existing.isPresent()) {
                return new Registered(answer(existing.get(), model), false);
            }
            long last = highest(versions).map(version -> Long.parseLong(version.version())).orElse(0L);
            var version = new Version(name, Long.toString(last + 1), layout.storedSource(source), runId,
                    description, tags, System.currentTimeMillis());
            LocalDocuments.write(layout.versionFile(name, version.version()), version);
            return new Registered(answer(version, model), true);
        });
    }

    private static Optional<Version> highest(final List<Version> versions) {
        return versions.stream().max(Comparator.comparingLong(version -> Long.parseLong(version.version())));
    }

    private RegistryVersion answer(final Version version, final Model model) {
        return version.toRegistryVersion(model, layout.root());
    }

    /** Every version of a model; a directory whose version.json is not written yet is none. */
    private List<Version> versions(final String name) {
        return LocalLayout.children(layout.versions(name)).stream().filter(LocalLayout::isNumber)
                .map(number -> readVersion(name, number)).flatMap(Optional::stream).toList();
    }

    private Model createModel(final String name) {
        if (Files.exists(layout.modelFile(name))) {
            // model.json names another model: a case-insensitive file system folded the two names together
            throw new InputException(layout.modelFile(name), "model '" + name + "' cannot be stored next to '"
                    + LocalDocuments.read(layout.modelFile(name), Model.class).map(Model::name).orElse("?")
                    + "' on this file system, which does not tell their names apart: choose another name");
        }
        var model = new Model(name, System.currentTimeMillis(), Map.of());
        LocalDocuments.write(layout.modelFile(name), model);
        return model;
    }

    @Override
    public void setAlias(final String name, final String alias, final String version) {
        checkName(name);
        RegisterModel.checkAlias(alias);
        locked(layout.modelLock(name), () -> {
            var model = model(name).orElseThrow(() -> new InputException("model '" + name + "' does not exist in "
                    + describe() + ": register a version before pointing an alias at it"));
            if (!LocalLayout.isNumber(version) || readVersion(name, version).isEmpty()) {
                throw new InputException("version " + version + " of model '" + name + "' does not exist in "
                        + describe() + ": expected the number of a registered version");
            }
            LocalDocuments.write(layout.modelFile(name), model.withAlias(alias, version));
            return null;
        });
    }

    /** None: the local registry has no web UI, and the reports show only http(s) links. */
    @Override
    public Links links(final String experimentId, final String runId, final String name, final String version) {
        return new Links(null, null, null);
    }

    /** The registered model of this name; one whose model.json names another is not it (see createModel). */
    private Optional<Model> model(final String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        return LocalDocuments.read(layout.modelFile(name), Model.class).filter(model -> model.name().equals(name));
    }

    private Optional<Version> readVersion(final String name, final String version) {
        return LocalDocuments.read(layout.versionFile(name, version), Version.class);
    }

    private Run requireRun(final String runId) {
        return LocalDocuments.read(layout.runFile(runId), Run.class).orElseThrow(() -> new InputException("run "
                + runId + " does not exist in " + describe() + ": expected the id of a run of this registry"));
    }

    private static void checkName(final String name) {
        if (name == null || name.isBlank()) {
            throw new InputException("a model name is required: expected 1 or more characters, not '"
                    + name + "'");
        }
    }

    private RegistryRun toRun(final Run run) {
        return new RegistryRun(run.runId(), run.experimentId(), layout.artifacts(run.runId()).toString());
    }

    /** Runs an action holding a lock file; the lock's own I/O failures are the registry's, as writes are. */
    private static <T> T locked(final Path lockFile, final Supplier<T> action) {
        try (var ignored = FileLock.acquire(lockFile)) {
            return action.get();
        } catch (IOException e) {
            throw LocalDocuments.unwritable(lockFile, e);
        }
    }
}
