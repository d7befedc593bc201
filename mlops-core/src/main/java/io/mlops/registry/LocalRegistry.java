package io.mlops.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** INTERIM: the API shape only, replaced by the implementation in this same change series. */
public final class LocalRegistry implements ModelRegistry {
    public LocalRegistry(final Path directory) {
    }

    @Override
    public String describe() {
        throw new UnsupportedOperationException();
    }

    @Override
    public RegistryRun run(final String runId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RegistryRun runFor(final String experiment, final String runName, final Map<String, String> tags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void upload(final RegistryRun run, final Path file, final String artifactPath) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void download(final String runId, final String artifactPath, final Path target) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void logMetrics(final String runId, final Map<String, Double> metrics) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Double> runMetrics(final String runId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String sourceOf(final ModelUri runReference) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RegistryVersion> version(final String name, final String version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RegistryVersion> versionByAlias(final String name, final String alias) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registered register(final String name, final String source, final String runId,
            final Map<String, String> tags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setAlias(final String name, final String alias, final String version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Links links(final String experimentId, final String runId, final String name, final String version) {
        throw new UnsupportedOperationException();
    }
}
