package io.mlops.cli;

import io.mlops.report.Status;
import io.mlops.util.InputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns every failure into one line on standard error and exit code 2 (ERROR). A stack trace appears only
 * with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(final Exception e, final CommandLine commandLine,
            final ParseResult parseResult) {
        var err = commandLine.getErr();
        err.println(commandLine.getCommandName() + ": error: " + message(e));
        if (debugRequested(parseResult)) {
            e.printStackTrace(err);
        }
        else if (!(e instanceof InputException || e instanceof IOException || e instanceof UncheckedIOException)) {
            err.println("(an internal error: run again with --debug for the stack trace and report it)");
        }
        err.flush();
        return Status.ERROR.exitCode();
    }

    private static boolean debugRequested(final ParseResult parseResult) {
        for (var result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static int onBadParameter(final ParameterException e, final String[] args) {
        var commandLine = e.getCommandLine();
        var err = commandLine.getErr();
        err.println(commandLine.getCommandName() + ": error: " + e.getMessage());
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return Status.ERROR.exitCode();
    }

    static String message(final Throwable e) {
        if (e instanceof InputException input) {
            return input.getMessage();
        }
        if (e instanceof UncheckedIOException unchecked) {
            return message(unchecked.getCause());
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        var text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }
}
