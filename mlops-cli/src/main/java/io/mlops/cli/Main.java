package io.mlops.cli;

import io.mlops.report.Status;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** Entry point of the {@code mlops} command line: one subcommand per pipeline step. */
@Command(name = "mlops", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Gated ML delivery pipeline: validate data, evaluate, register, train and deploy models.",
                "", "Exit codes: 0 PASSED, 1 FAILED (a check or gate failed), 2 ERROR (bad input or "
                + "configuration), 3 INCONCLUSIVE (not enough evidence)."})
public final class Main {
    /**
     * The subcommands by name, in the order of the usage help. picocli builds a command's model from its
     * annotations by reflection when the command is added (~15 ms per command on a cold JVM), so a run adds only
     * the one it was asked for; help, usage errors and an unknown name get all of them.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private Main() {
    }

    private static Map<String, Supplier<Object>> subcommands() {
        var commands = new LinkedHashMap<String, Supplier<Object>>();
        commands.put(ValidateDataCommand.NAME, ValidateDataCommand::new);
        commands.put(InferSchemaCommand.NAME, InferSchemaCommand::new);
        commands.put(EvaluateCommand.NAME, EvaluateCommand::new);
        commands.put(RegisterCommand.NAME, RegisterCommand::new);
        commands.put(TrainCommand.NAME, TrainCommand::new);
        commands.put(DemoCommand.NAME, DemoCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    public static void main(final String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the standard streams and returns its exit code. */
    public static int run(final String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error streams and returns its exit code. */
    public static int run(final PrintWriter out, final PrintWriter err, final String... args) {
        var commandLine = new CommandLine(new Main());
        var requested = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (requested != null && !"help".equals(args[0])) {
            commandLine.addSubcommand(requested.get());
        }
        else {
            SUBCOMMANDS.values().forEach(command -> commandLine.addSubcommand(command.get()));
        }
        commandLine.setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::onBadParameter);
        try {
            return commandLine.execute(args);
        }
        catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; an Error would otherwise end the JVM with exit 1 (FAILED).
            err.println("mlops: error: the Java heap is too small for this input (" + Runtime.getRuntime().maxMemory()
                    / (1 << 20) + " MiB); give it more, e.g. MLOPS_JAVA_OPTS=-Xmx1g ./mlops ...");
            err.flush();
            return Status.ERROR.exitCode();
        }
    }

    /** Reads the version written into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            var properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"mlops " + properties.getProperty("version", "unknown")};
        }
    }
}
