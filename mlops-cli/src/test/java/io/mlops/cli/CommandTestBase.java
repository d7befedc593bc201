package io.mlops.cli;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code mlops} commands in-process, capturing what they print, in a scratch directory. */
abstract class CommandTestBase {
    @TempDir
    protected Path dir;

    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();

    /** Runs a command line as {@code mlops} would, and returns its exit code. */
    protected int run(final String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Writes a UTF-8 file into the scratch directory. */
    protected Path file(final String name, final String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
