package io.mlops.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What every headless-Chromium test of a report.html starts from: a scratch directory and Chromium, or a skipped test
 * where it is not installed (a failed one with {@code -Dmlops.requireExternalTools=true}).
 */
public abstract class BrowserTestBase {
    @TempDir
    protected Path temp;
    protected HeadlessChromium chromium;

    @BeforeEach
    void startOnlyWhereChromiumIsInstalled() {
        chromium = HeadlessChromium.require();
    }
}
