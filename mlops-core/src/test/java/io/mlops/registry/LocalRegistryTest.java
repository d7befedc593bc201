package io.mlops.registry;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRegistryTest {
    private static final String RUN_ID = "0123456789abcdef0123456789abcdef";

    @TempDir
    private Path work;

    private LocalRegistry registry() {
        return new LocalRegistry(work.resolve("registry"));
    }

    private static Map<String, String> build(final String id) {
        return Map.of(ModelRegistry.BUILD_ID_TAG, id);
    }

    @Test
    void shouldCreateNothingUntilTheFirstWrite() {
        // given
        var registry = registry();

        // when
        var version = registry.version("churn", "1");
        var alias = registry.versionByAlias("churn", "champion");

        // then
        assertThat(version).isEmpty();
        assertThat(alias).isEmpty();
        assertThat(work.resolve("registry")).doesNotExist();
        assertThat(registry.describe()).isEqualTo("local registry " + work.resolve("registry").toAbsolutePath());
    }

    @Test
    void shouldRegisterTheFirstVersionAsOneWithItsSourceRunAndTags() {
        // given
        var registry = registry();

        // when
        var registered = registry.register("churn", "/models/churn", RUN_ID, Map.of("team", "growth"));

        // then
        assertThat(registered.created()).isTrue();
        var version = registered.version();
        assertThat(version.name()).isEqualTo("churn");
        assertThat(version.version()).isEqualTo("1");
        assertThat(version.source()).isEqualTo("/models/churn");
        assertThat(version.runId()).isEqualTo(RUN_ID);
        assertThat(version.tags()).containsExactly(Map.entry("team", "growth"));
        assertThat(version.aliases()).isEmpty();
        assertThat(version.created()).isPositive();
        assertThat(registry.version("churn", "1")).contains(version);
        assertThat(work.resolve("registry/models/churn/model.json")).isRegularFile();
        assertThat(work.resolve("registry/models/churn/versions/1/version.json")).isRegularFile();
    }

    @Test
    void shouldNumberTheNextVersionOneHigher() {
        // given
        var registry = registry();
        registry.register("churn", "/a", null, build("b1"));

        // when
        var second = registry.register("churn", "/b", null, build("b2"));
        var otherModel = registry.register("fraud", "/c", null, build("b2"));

        // then
        assertThat(second.created()).isTrue();
        assertThat(second.version().version()).isEqualTo("2");
        assertThat(registry.version("churn", "2").map(RegistryVersion::source)).contains("/b");
        assertThat(otherModel.version().version()).isEqualTo("1");
        assertThat(registry.version("churn", "3")).isEmpty();
        assertThat(registry.version("churn", "two")).isEmpty();
    }

    @Test
    void shouldFindTheHighestVersionAsTheLatest() {
        var registry = registry();
        assertThat(registry.latestVersion("churn")).isEmpty();
        for (int build = 1; build <= 11; build++) {
            registry.register("churn", "/model-" + build, null, build("b" + build));
        }
        registry.register("fraud", "/other", null, build("b12"));

        // version 11 sorts before 2 as a file name: the latest is the highest number
        assertThat(registry.latestVersion("churn").map(RegistryVersion::version)).contains("11");
        assertThat(RegisterModel.resolve(registry, ModelUri.parse("models:/churn/latest")).source())
                .isEqualTo("/model-11");
        assertThat(registry.latestVersion("unknown")).isEmpty();
    }

    @Test
    void shouldReturnTheExistingVersionWhenTheSameBuildRegistersAgain() {
        // given
        var registry = registry();
        var first = registry.register("churn", "/a", RUN_ID, build("https://ci/job/churn/7/"));

        // when
        var retried = registry.register("churn", "/a-again", RUN_ID, build("https://ci/job/churn/7/"));
        var withoutBuild = registry.register("churn", "/a", RUN_ID, Map.of());

        // then
        assertThat(retried.created()).isFalse();
        assertThat(retried.version()).isEqualTo(first.version());
        assertThat(withoutBuild.created()).isTrue();
        assertThat(withoutBuild.version().version()).isEqualTo("2");
    }

    @Test
    void shouldSetAnAliasAndMoveItWhenItIsSetOnAnotherVersion() {
        // given
        var registry = registry();
        registry.register("churn", "/a", null, build("b1"));
        registry.register("churn", "/b", null, build("b2"));

        // when
        registry.setAlias("churn", "champion", "1");
        registry.setAlias("churn", "challenger", "1");
        var before = registry.version("churn", "1").orElseThrow();
        registry.setAlias("churn", "champion", "2");

        // then
        assertThat(before.aliases()).containsExactly("challenger", "champion");
        assertThat(registry.version("churn", "1").orElseThrow().aliases()).containsExactly("challenger");
        assertThat(registry.version("churn", "2").orElseThrow().aliases()).containsExactly("champion");
        assertThat(registry.versionByAlias("churn", "champion").map(RegistryVersion::version)).contains("2");
        assertThat(registry.versionByAlias("churn", "staging")).isEmpty();
        assertThat(registry.register("churn", "/b", null, build("b2")).version().aliases())
                .containsExactly("champion");
    }

    @Test
    void shouldNotFindAVersionThroughAnAliasOfAnotherModel() {
        // given
        var registry = registry();
        registry.register("churn", "/a", null, Map.of());
        registry.setAlias("churn", "champion", "1");

        // when
        Optional<RegistryVersion> found = registry.versionByAlias("fraud", "champion");

        // then
        assertThat(found).isEmpty();
    }
    @Test
    void shouldRejectAnAliasOnAVersionThatDoesNotExist() {
        // given
        var registry = registry();
        registry.register("churn", "/a", null, build("b1"));

        // when / then
        assertThatThrownBy(() -> registry.setAlias("churn", "champion", "2")).isInstanceOf(InputException.class)
                .hasMessageContaining("version 2 of model 'churn' does not exist in local registry");
        assertThatThrownBy(() -> registry.setAlias("fraud", "champion", "1")).isInstanceOf(InputException.class)
                .hasMessageContaining("model 'fraud' does not exist");
        assertThatThrownBy(() -> registry.setAlias("churn", "latest", "1")).isInstanceOf(InputException.class)
                .hasMessageContaining("alias 'latest' is not usable");
        assertThat(registry.versionByAlias("churn", "champion")).isEmpty();
    }

    @Test
    void shouldReuseTheRunOfTheSameBuildInAnExperiment() {
        // given
        var registry = registry();
        var first = registry.runFor("churn", "register churn", build("b1"));

        // when
        var again = registry.runFor("churn", "register churn", build("b1"));
        var otherBuild = registry.runFor("churn", "register churn", build("b2"));
        var otherName = registry.runFor("churn", "register churn-small", build("b1"));
        var otherExperiment = registry.runFor("fraud", "register fraud", build("b1"));
        var noBuild = registry.runFor("churn", "register churn", Map.of());

        // then
        assertThat(first.runId()).matches("[0-9a-f]{32}");
        assertThat(first.experimentId()).isEqualTo("1");
        assertThat(again).isEqualTo(first);
        assertThat(otherBuild.runId()).isNotEqualTo(first.runId());
        assertThat(otherName.runId()).isNotIn(first.runId(), otherBuild.runId());
        assertThat(otherExperiment.experimentId()).isEqualTo("2");
        assertThat(otherExperiment.runId()).isNotEqualTo(first.runId());
        assertThat(noBuild.runId()).isNotIn(first.runId(), otherBuild.runId());
        assertThat(registry.run(first.runId())).isEqualTo(first);
        assertThat(Path.of(first.artifactRoot())).isEqualTo(work.resolve("registry/runs/" + first.runId()
                + "/artifacts").toAbsolutePath());
    }

    @Test
    void shouldDownloadExactlyTheBytesThatWereUploaded() throws Exception {
        // given
        var registry = registry();
        var run = registry.runFor("churn", "train", Map.of());
        var bytes = new byte[70_000];
        new Random(7).nextBytes(bytes);
        var file = Files.write(work.resolve("weights.bin"), bytes);

        // when
        registry.upload(run, file, "model/data/weights.bin");
        var target = work.resolve("downloads/deep/weights.bin");
        registry.download(run.runId(), "model/data/weights.bin", target);

        // then
        assertThat(target).hasBinaryContent(bytes);
        assertThat(Path.of(run.artifactRoot()).resolve("model/data/weights.bin")).hasBinaryContent(bytes);
        try (Stream<Path> leftovers = Files.list(work.resolve("downloads/deep"))) {
            assertThat(leftovers).containsExactly(target);
        }
    }

    @Test
    void shouldSayWhichArtifactARunLacks() {
        // given
        var registry = registry();
        var run = registry.runFor("churn", "train", Map.of());

        // when / then
        assertThatThrownBy(() -> registry.download(run.runId(), "model/MLmodel", work.resolve("x")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("run " + run.runId() + " has no artifact model/MLmodel");
        assertThatThrownBy(() -> registry.sourceOf(ModelUri.parse(run.uri("model"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("run " + run.runId() + " has no artifact model");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "model/../../escape.txt", "/etc/passwd", "model\\..\\x", "",
            "model//x", "./model", "model/.", "C:escape.txt", ".."})
    void shouldRejectArtifactPathsThatCouldLeaveTheRun(final String artifactPath) throws Exception {
        // given
        var registry = registry();
        var run = registry.runFor("churn", "train", Map.of());
        var file = Files.writeString(work.resolve("file.txt"), "x");

        // when / then
        assertThatThrownBy(() -> registry.upload(run, file, artifactPath)).isInstanceOf(InputException.class)
                .hasMessageContaining("artifact path '" + artifactPath + "' is not usable");
        assertThatThrownBy(() -> registry.download(run.runId(), artifactPath, work.resolve("out.txt")))
                .isInstanceOf(InputException.class).hasMessageContaining("is not usable");
        assertThat(work.resolve("registry/escape.txt")).doesNotExist();
        assertThat(work.resolve("registry/runs/escape.txt")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/x", "..", ".", "con", "LPT1.txt", "churn model (v2) ü/€", "a.", ".hidden",
            "a%2Fb", "a/b"})
    void shouldStoreAHostileModelNameInsideTheModelsDirectory(final String name) throws Exception {
        // given
        var registry = registry();

        // when
        registry.register(name, "/a", null, build("b1"));
        registry.setAlias(name, "champion", "1");

        // then
        assertThat(registry.versionByAlias(name, "champion").map(RegistryVersion::name)).contains(name);
        var models = work.resolve("registry/models");
        try (Stream<Path> stored = Files.list(models)) {
            assertThat(stored).singleElement().satisfies(directory -> {
                assertThat(directory.getParent()).isEqualTo(models);
                assertThat(directory.getFileName().toString()).matches("[A-Za-z0-9%_-][A-Za-z0-9%._-]*")
                        .doesNotEndWith(".").isNotEqualToIgnoringCase("con");
                assertThat(directory.resolve("model.json")).isRegularFile();
            });
        }
        try (Stream<Path> everything = Files.list(work)) {
            assertThat(everything).containsExactly(work.resolve("registry"));
        }
    }

    @Test
    void shouldKeepNamesThatEncodeAlikeApart() {
        // given
        var registry = registry();

        // when
        registry.register("a/b", "/slash", null, Map.of());
        registry.register("a%2Fb", "/percent", null, Map.of());

        // then
        assertThat(registry.version("a/b", "1").map(RegistryVersion::source)).contains("/slash");
        assertThat(registry.version("a%2Fb", "1").map(RegistryVersion::source)).contains("/percent");
    }

    @Test
    void shouldShortenAVeryLongNameToAFileNameThatStillTellsItApart() {
        // given
        var registry = registry();
        var prefix = "ü".repeat(200);

        // when
        registry.register(prefix + "a", "/a", null, Map.of());
        registry.register(prefix + "b", "/b", null, Map.of());

        // then
        assertThat(registry.version(prefix + "a", "1").map(RegistryVersion::source)).contains("/a");
        assertThat(registry.version(prefix + "b", "1").map(RegistryVersion::source)).contains("/b");
        assertThat(LocalLayout.fileName(prefix + "a")).hasSizeLessThanOrEqualTo(200).contains("~");
    }

    @Test
    void shouldRejectABlankModelName() {
        assertThatThrownBy(() -> registry().register(" ", "/a", null, Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("a model name is required");
    }

    @Test
    void shouldSayThatAMissingRunDoesNotExistInThisRegistry() {
        // given
        var registry = registry();

        // when / then
        assertThatThrownBy(() -> registry.run(RUN_ID)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("run " + RUN_ID + " does not exist in " + registry.describe());
        assertThatThrownBy(() -> registry.runMetrics(RUN_ID)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> registry.sourceOf(ModelUri.parse("runs:/" + RUN_ID + "/model")))
                .isInstanceOf(InputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> registry.run("../../etc")).isInstanceOf(InputException.class)
                .hasMessageContaining("'../../etc' is not a run id");
    }

    @Test
    void shouldKeepTheLatestValueOfEachMetric() {
        // given
        var registry = registry();
        var run = registry.runFor("churn", "train", Map.of());

        // when
        registry.logMetrics(run.runId(), Map.of("roc_auc", 0.81, "f1_score", 0.7));
        registry.logMetrics(run.runId(), Map.of("roc_auc", 0.86, "log_loss", Double.NaN));

        // then
        assertThat(registry.runMetrics(run.runId())).containsOnly(Map.entry("roc_auc", 0.86),
                Map.entry("f1_score", 0.7), Map.entry("log_loss", Double.NaN));
    }

    @Test
    void shouldResolveARunReferenceToTheAbsolutePathOfItsArtifact() throws Exception {
        // given
        var registry = registry();
        var run = registry.runFor("churn", "train", Map.of());
        registry.upload(run, Files.writeString(work.resolve("MLmodel"), "flavors: {}"), "model/MLmodel");

        // when
        var source = registry.sourceOf(ModelUri.parse(run.uri("model")));
        var root = registry.sourceOf(ModelUri.parse(run.uri("")));

        // then
        assertThat(Path.of(source)).isAbsolute().isDirectory().isEqualTo(Path.of(run.artifactRoot(), "model"));
        assertThat(root).isEqualTo(run.artifactRoot());
    }

    @Test
    void shouldKeepSourcesUsableWhenTheRegistryDirectoryIsMoved() throws Exception {
        // given: a version registered from a run of the registry, and one from a path outside it
        var registry = registry();
        var run = registry.runFor("churn", "train", Map.of());
        registry.upload(run, Files.writeString(work.resolve("model.bin"), "weights"), "model/model.bin");
        registry.register("churn", registry.sourceOf(ModelUri.parse(run.uri("model"))), run.runId(), build("b1"));
        var outside = Files.createDirectories(work.resolve("elsewhere")).toString();
        registry.register("churn", outside, null, build("b2"));

        // when
        var moved = Files.move(work.resolve("registry"), work.resolve("moved-registry"));
        var reopened = new LocalRegistry(moved);

        // then
        var first = reopened.version("churn", "1").orElseThrow();
        assertThat(Path.of(first.source())).isAbsolute().startsWith(moved).isDirectory();
        assertThat(Path.of(first.source()).resolve("model.bin")).hasContent("weights");
        assertThat(reopened.version("churn", "2").orElseThrow().source()).isEqualTo(outside);
        assertThat(moved.resolve("models/churn/versions/1/version.json")).content()
                .contains("\"source\" : \"runs/" + run.runId() + "/artifacts/model\"");
    }

    @Test
    void shouldNameTheFileWhenTheRegistryHoldsCorruptJson() throws Exception {
        // given
        var registry = registry();
        registry.register("churn", "/a", null, Map.of());
        var file = work.resolve("registry/models/churn/versions/1/version.json");
        Files.writeString(file, "{\"name\": \"churn\", \"vers");

        // when / then
        assertThatThrownBy(() -> registry.version("churn", "1")).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file.toAbsolutePath().toString())
                .hasMessageContaining("cannot read the local registry's version.json");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> registry.register("churn", "/b", null, Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("required fields are missing");
    }

    @Test
    void shouldHaveNoLinksWithoutAWebUi() {
        assertThat(registry().links("1", RUN_ID, "churn", "1")).isEqualTo(new ModelRegistry.Links(null, null, null));
    }

    @Test
    void shouldNumberConcurrentRegistrationsWithoutGapsOrDuplicates() throws Exception {
        // given
        var registry = registry();

        // when
        var results = inParallel(8, thread -> IntStream.range(0, 5).mapToObj(i -> registry.register("churn",
                "/m" + thread + "-" + i, null, build("build-" + thread + "-" + i))).toList());

        // then
        var versions = results.stream().flatMap(List::stream).map(registered -> registered.version().version())
                .map(Integer::valueOf).toList();
        assertThat(versions).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(registry.version("churn", "40")).isPresent();
    }

    @Test
    void shouldRegisterOnceWhenParallelAttemptsOfOneBuildRace() throws Exception {
        // given
        var registry = registry();

        // when
        var results = inParallel(8, thread -> registry.register("churn", "/m", null, build("build-1")));
        var runs = inParallel(8, thread -> registry.runFor("churn", "register churn", build("build-1")));

        // then
        assertThat(results).extracting(registered -> registered.version().version()).containsOnly("1");
        assertThat(results).filteredOn(ModelRegistry.Registered::created).hasSize(1);
        assertThat(registry.version("churn", "2")).isEmpty();
        assertThat(runs).extracting(RegistryRun::runId).containsOnly(runs.get(0).runId());
    }

    /** Runs a task on each of {@code threads} threads, released at once, and returns their results. */
    private static <T> List<T> inParallel(final int threads, final ThreadTask<T> task) throws Exception {
        var start = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int thread = 0; thread < threads; thread++) {
                int index = thread;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(executor.submit(call));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }

}
