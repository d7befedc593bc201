package io.mlops.cli;

import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Commands that use a registry, tested against the local one: skipped where MLFLOW_TRACKING_URI points elsewhere. */
abstract class LocalRegistryCommandTestBase extends CommandTestBase {
    @BeforeEach
    void useTheLocalRegistry() {
        assumeTrue(System.getenv("MLFLOW_TRACKING_URI") == null,
                "MLFLOW_TRACKING_URI is set: these tests use the local registry");
    }
}
