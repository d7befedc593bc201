package io.mlops.registry;

import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the {@link LocalRegistry} keeps each thing, and the checks that keep every name that comes from outside
 * (run ids, artifact paths, model names) inside its directory.
 */
final class LocalLayout {
    /** As {@link ModelUri} accepts them; MLflow's own are 32 hex characters. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
    /** Names Windows reserves for devices, with or without an extension. */
    private static final Pattern DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");
    /** Far below the 255 bytes most file systems allow, so that the lock and temporary files fit beside it. */
    private static final int MAX_FILE_NAME = 200;
    private static final int HASHED_PREFIX = 128;
    private static final String LOCK = ".lock";

    private final Path root;

    LocalLayout(final Path directory) {
        root = directory.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /**
     * A version's source as stored: a path inside the registry relative to its directory, with {@code /} between
     * names; anything else (an older registry's absolute path elsewhere) as it is.
     */
    String storedSource(final String source) {
        if (source == null) {
            return null;
        }
        Path path;
        try {
            path = Path.of(source).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
        if (!path.isAbsolute() || !path.startsWith(root) || path.equals(root)) {
            return source;
        }
        return root.relativize(path).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The absolute source of a stored one ({@link #storedSource}). */
    static String resolveSource(final Path root, final String stored) {
        if (stored == null || stored.isEmpty() || stored.contains(":") || Path.of(stored).isAbsolute()) {
            return stored;
        }
        return root.resolve(stored).normalize().toString();
    }

    Path experiments() {
        return root.resolve("experiments");
    }

    /** Held while experiments are looked up by name or created, so that one name gets one id. */
    Path experimentsLock() {
        return experiments().resolve(LOCK);
    }

    Path experimentFile(final String experimentId) {
        return experiments().resolve(checkNumber(experimentId)).resolve("experiment.json");
    }

    /** Held while a run of the experiment is looked up or created, so that one build gets one run. */
    Path experimentLock(final String experimentId) {
        return experiments().resolve(checkNumber(experimentId)).resolve(LOCK);
    }

    Path runs() {
        return root.resolve("runs");
    }

    Path runFile(final String runId) {
        return runs().resolve(checkRunId(runId)).resolve("run.json");
    }

    Path runLock(final String runId) {
        return runs().resolve(checkRunId(runId)).resolve(LOCK);
    }

    Path artifacts(final String runId) {
        return runs().resolve(checkRunId(runId)).resolve("artifacts");
    }

    /**
     * A file or directory among a run's artifacts.
     *
     * @throws InputException when the path is absolute, empty, has a backslash or an empty, {@code .} or
     *                        {@code ..} segment
     */
    Path artifact(final String runId, final String artifactPath) {
        var base = artifacts(runId);
        var path = base.resolve(checkArtifactPath(artifactPath)).normalize();
        if (!path.startsWith(base) || path.equals(base)) {
            throw badArtifactPath(artifactPath);
        }
        return path;
    }

    Path models() {
        return root.resolve("models");
    }

    Path modelFile(final String name) {
        return models().resolve(fileName(name)).resolve("model.json");
    }

    /** Held while a version is registered or an alias set. */
    Path modelLock(final String name) {
        return models().resolve(fileName(name)).resolve(LOCK);
    }

    Path versions(final String name) {
        return models().resolve(fileName(name)).resolve("versions");
    }

    Path versionFile(final String name, final String version) {
        return versions(name).resolve(checkNumber(version)).resolve("version.json");
    }

    /** Whether the text is a version number or experiment id as this registry makes them. */
    static boolean isNumber(final String text) {
        return text != null && NUMBER.matcher(text).matches();
    }

    /** Whether the text can be a run id (and so a directory name). */
    static boolean isRunId(final String text) {
        return text != null && RUN_ID.matcher(text).matches();
    }

    static String checkRunId(final String runId) {
        if (!isRunId(runId)) {
            throw new InputException("'" + runId + "' is not a run id: expected 1 to 64 letters, digits, '_' or "
                    + "'-' (the 32 hex characters of a run this registry made)");
        }
        return runId;
    }

    private static String checkNumber(final String number) {
        if (!isNumber(number)) {
            throw new IllegalArgumentException("not a version number or experiment id: " + number);
        }
        return number;
    }

    private static String checkArtifactPath(final String artifactPath) {
        if (artifactPath == null || artifactPath.isEmpty() || artifactPath.startsWith("/")
                || artifactPath.contains("\\") || artifactPath.contains(":")) {
            throw badArtifactPath(artifactPath);
        }
        for (var segment : artifactPath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw badArtifactPath(artifactPath);
            }
        }
        return artifactPath;
    }

    private static InputException badArtifactPath(final String artifactPath) {
        return new InputException("artifact path '" + artifactPath + "' is not usable: expected a relative path "
                + "with '/' between names, without '..', '.', '\\', ':' or a leading '/' (e.g. model/MLmodel)");
    }

    /**
     * A model name as a directory name: percent-encoded UTF-8 outside {@code [A-Za-z0-9._-]}, with a leading or
     * trailing dot encoded too (so neither {@code .} nor {@code ..} nor a hidden or, on Windows, trimmed name can
     * result), and a device name of Windows encoded in its first letter. A name whose encoding is too long for a
     * file system keeps a prefix and gains {@code ~} and the SHA-256 of the name: '~' is encoded everywhere
     * else, so such a name cannot meet a plain one.
     */
    static String fileName(final String name) {
        var bytes = name.getBytes(StandardCharsets.UTF_8);
        var text = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean edgeDot = b == '.' && (i == 0 || i == bytes.length - 1);
            if (isPlain(b) && !edgeDot && !(i == 0 && DEVICE.matcher(name).matches())) {
                text.append((char) b);
            }
            else {
                text.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
            }
        }
        if (text.length() <= MAX_FILE_NAME) {
            return text.toString();
        }
        int cut = HASHED_PREFIX;
        while (text.charAt(cut - 1) == '%' || text.charAt(cut - 2) == '%') {
            cut--;
        }
        return text.substring(0, cut) + "~" + sha256(bytes);
    }

    private static boolean isPlain(final int b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '.' || b == '_'
                || b == '-';
    }

    private static String sha256(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The names of the subdirectories, sorted; none when the directory does not exist yet. */
    static List<String> children(final Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new InputException(directory, "cannot list the local registry's directory: " + e.getMessage()
                    + "; expected a readable directory");
        }
    }
}
