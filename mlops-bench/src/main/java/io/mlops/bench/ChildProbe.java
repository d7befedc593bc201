package io.mlops.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The entry point of every measured child JVM: runs a main class and, from a shutdown hook, records what the
 * parent can no longer read once the process is gone: the kernel's peak resident set ({@code VmHWM} in
 * {@code /proc/self/status}, a high-water mark, so one read at exit is exact), the heap in use at exit and the
 * time spent from loading the main class to exit. Shutdown hooks also run when the main class ends with
 * {@code System.exit}, as the CLI does; no agent and no sampling thread runs while the child works.
 */
public final class ChildProbe {
    private ChildProbe() {
    }

    /** {@code ChildProbe <result file> <main class> [arguments of the main class...]}. */
    public static void main(final String[] args) throws Throwable {
        var result = Path.of(args[0]);
        long start = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record(result, System.nanoTime() - start)));
        var main = MethodHandles.publicLookup().findStatic(Class.forName(args[1]), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(Arrays.copyOfRange(args, 2, args.length));
    }

    private static void record(final Path result, final long mainNanos) {
        var runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        var status = procStatus();
        var text = "mainNanos=" + mainNanos + "\n"
                + "vmHwmKb=" + field(status, "VmHWM:") + "\n"
                + "vmRssKb=" + field(status, "VmRSS:") + "\n"
                + "heapUsedBytes=" + heapUsed + "\n";
        try {
            Files.writeString(result, text, StandardCharsets.US_ASCII);
        }
        catch (IOException e) {
            System.err.println("mlops-bench: cannot write " + result + ": " + e.getMessage());
        }
    }

    private static String procStatus() {
        try {
            return Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII);
        }
        catch (IOException e) {
            return "";
        }
    }

    /** The kB figure of a {@code /proc/self/status} line, or -1 where there is no such file (not Linux). */
    private static long field(final String status, final String key) {
        return status.lines().filter(line -> line.startsWith(key)).findFirst()
                .map(line -> Long.parseLong(line.substring(key.length()).replace("kB", "").trim()))
                .orElse(-1L);
    }
}
