package io.mlops.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: print stack traces of errors (read by {@link ErrorHandler}). */
final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;
}
