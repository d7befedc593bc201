package io.mlops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Runs one measurement in a fresh JVM: the java of this runtime, this JVM's class path, the same options for
 * every child (plus a GC log, and the class-data-sharing archive once {@link #makeArchive} made one), and
 * {@link ChildProbe} as the entry point. Collects the wall time seen from here, the time inside the child, its peak
 * RSS and the heap figures of its GC log.
 */
final class ChildJvm {
    /** G1 and the other collectors log each pause as {@code <used before>-><used after>(<committed>)}. */
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern GC_NAME = Pattern.compile("\\[gc\\s*\\] Using (.+)$");

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final String classPath = System.getProperty("java.class.path");
    private final List<String> options;
    private final Path workDir;
    private int children;
    /** The options that use the class-data archive; empty until one is made. */
    private List<String> archiveOptions = List.of();

    /**
     * @param options JVM options given to every child
     * @param workDir where GC logs, probe results and outputs of the children go
     */
    ChildJvm(final List<String> options, final Path workDir) {
        this.options = List.copyOf(options);
        this.workDir = workDir;
    }

    /**
     * What one child did.
     *
     * @param command         the command line it ran
     * @param wallNanos       from process start to exit, seen by the parent (includes JVM start-up)
     * @param mainNanos       from loading the main class to the shutdown hook, inside the child; -1 when unknown
     * @param exitCode        the child's exit code
     * @param peakRssBytes    VmHWM at exit, or -1 when unknown
     * @param heapPeakBytes   the largest heap use before a GC pause or at exit, or -1 when unknown
     * @param heapAfterGcBytes the largest heap use right after a GC pause, or -1 without GC; an upper bound of the
     *                        live set, since a young pause leaves old garbage in place
     * @param fullGcs         the number of full (compacting) collections: heap pressure under a cap
     * @param afterFullGcBytes the largest heap use right after a full collection (the live set then), or -1
     * @param collector       the garbage collector the child used, from its GC log
     * @param output          stdout and stderr of the child
     */
    record Measurement(List<String> command, long wallNanos, long mainNanos, int exitCode, long peakRssBytes,
            long heapPeakBytes, long heapAfterGcBytes, int fullGcs, long afterFullGcBytes, String collector,
            String output) {
        /**
         * Whether the child ran to its end: exit 0, or 1 with validate-data's FAILED verdict. An uncaught error
         * such as an OutOfMemoryError also ends a JVM with 1, so the verdict line tells them apart.
         */
        boolean completed() {
            return exitCode == 0 || exitCode == 1 && firstLine().startsWith("FAILED");
        }

        String firstLine() {
            return output.lines().findFirst().orElse("");
        }
    }

    /**
     * Runs a command as it is, e.g. the {@code ./mlops} launcher with its own JVM options: only the wall time,
     * the exit code and the output are known.
     */
    Measurement runCommand(final List<String> command) throws IOException, InterruptedException {
        var output = workDir.resolve("output-" + ++children + ".txt");
        long start = System.nanoTime();
        int exitCode = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start()
                .waitFor();
        long wall = System.nanoTime() - start;
        return new Measurement(List.copyOf(command), wall, -1, exitCode, -1, -1, -1, 0, -1, "?",
                Files.readString(output, StandardCharsets.UTF_8));
    }

    /**
     * Makes a class-data-sharing archive of the classes that {@code mainClass} loads, as {@code ./mlops} makes one
     * for the command line, and gives it to every later child: class loading then costs the measured programs what
     * it costs users of the launcher. Untimed.
     *
     * @return the archive, or null when the JVM could not make one (children then run without)
     */
    Path makeArchive(final String mainClass, final List<String> args) throws IOException, InterruptedException {
        var archive = workDir.resolve("classes.jsa");
        var made = run(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                mainClass, args);
        if (!made.completed() || !Files.isRegularFile(archive)) {
            return null;
        }
        archiveOptions = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        return archive;
    }

    /** Runs {@code mainClass} with {@code args} in a new JVM with the common options plus {@code extraOptions}. */
    Measurement run(final List<String> extraOptions, final String mainClass, final List<String> args)
            throws IOException, InterruptedException {
        int id = ++children;
        var gcLog = workDir.resolve("gc-" + id + ".log");
        var probe = workDir.resolve("probe-" + id + ".properties");
        var output = workDir.resolve("output-" + id + ".txt");
        var command = new ArrayList<String>();
        command.add(java.toString());
        command.addAll(options);
        command.addAll(archiveOptions);
        command.addAll(extraOptions);
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(List.of("-cp", classPath, ChildProbe.class.getName(), probe.toString(), mainClass));
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        long start = System.nanoTime();
        var process = builder.start();
        int exitCode = process.waitFor();
        long wall = System.nanoTime() - start;

        var probed = new Properties();
        if (Files.isRegularFile(probe)) {
            try (var in = Files.newBufferedReader(probe, StandardCharsets.US_ASCII)) {
                probed.load(in);
            }
        }
        long mainNanos = Long.parseLong(probed.getProperty("mainNanos", "-1"));
        long rssKb = Long.parseLong(probed.getProperty("vmHwmKb", "-1"));
        long heapAtExit = Long.parseLong(probed.getProperty("heapUsedBytes", "-1"));
        var gc = GcLog.read(gcLog);
        return new Measurement(List.copyOf(command), wall, mainNanos, exitCode, rssKb < 0 ? -1 : rssKb * 1024,
                Math.max(gc.maxBefore(), heapAtExit), gc.maxAfter(), gc.fullGcs(), gc.maxAfterFull(), gc.collector(),
                Files.readString(output, StandardCharsets.UTF_8));
    }

    /**
     * What a {@code -Xlog:gc} file says.
     *
     * @param maxBefore the largest heap use before a pause, -1 without pauses
     * @param maxAfter     the largest heap use after a pause, -1 without pauses
     * @param fullGcs      full collections
     * @param maxAfterFull the largest heap use after a full collection, -1 without one
     * @param collector    the collector's name, or "?"
     */
    record GcLog(long maxBefore, long maxAfter, int fullGcs, long maxAfterFull, String collector) {
        static GcLog read(final Path gcLog) throws IOException {
            long before = -1;
            long after = -1;
            int fullGcs = 0;
            long afterFull = -1;
            String collector = "?";
            if (Files.isRegularFile(gcLog)) {
                for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                    var pause = GC_PAUSE.matcher(line);
                    if (pause.find()) {
                        before = Math.max(before, bytes(pause.group(1), pause.group(2)));
                        after = Math.max(after, bytes(pause.group(3), pause.group(4)));
                        if (line.contains("Pause Full")) {
                            fullGcs++;
                            afterFull = Math.max(afterFull, bytes(pause.group(3), pause.group(4)));
                        }
                    }
                    var name = GC_NAME.matcher(line);
                    if (name.find()) {
                        collector = name.group(1).trim();
                    }
                }
            }
            return new GcLog(before, after, fullGcs, afterFull, collector);
        }
    }

    private static long bytes(final String amount, final String unit) {
        int shift = switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
        return Long.parseLong(amount) << shift;
    }
}
