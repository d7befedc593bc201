package io.mlops.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The other process of {@link LocalRegistryProcessesTest}: signals that it is ready, waits for the start signal,
 * then registers versions of one model in a local registry, one per build id {@code PREFIX-1..COUNT}, and one
 * more for the build id {@code shared}, printing each version number.
 */
public final class RegisteringProcess {
    private RegisteringProcess() {
    }

    /** Arguments: registry directory, ready file to create, start file to wait for, model, prefix, count. */
    public static void main(final String[] args) throws Exception {
        var registry = new LocalRegistry(Path.of(args[0]));
        Files.createFile(Path.of(args[1]));
        var start = Path.of(args[2]);
        while (!Files.exists(start)) {
            Thread.sleep(5);
        }
        int count = Integer.parseInt(args[5]);
        for (int i = 1; i <= count; i++) {
            report(registry.register(args[3], "/m", null, Map.of(ModelRegistry.BUILD_ID_TAG, args[4] + "-" + i)));
        }
        report(registry.register(args[3], "/m", null, Map.of(ModelRegistry.BUILD_ID_TAG, "shared")));
    }

    private static void report(final ModelRegistry.Registered registered) {
        System.out.println(registered.version().version() + " " + registered.created());
    }
}
