package io.mlops.training.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process and every process it started. A child whose parent has died is no longer a descendant of the root,
 * but it is still part of the training and is killed with it; so descendants are remembered as they appear, and,
 * where {@code /proc} exists (Linux), every process whose environment carries the tree's cookie variable is part of
 * it too, as Jenkins finds a build's processes by {@code JENKINS_NODE_COOKIE}. A {@link ProcessHandle} checks the
 * process's start time before it signals, so an id the system has given to another process since is never killed.
 */
final class ProcessTree {
    /** The variable every process of a local training inherits, with the tree's own value. */
    static final String COOKIE = "MLOPS_TRAINING_COOKIE";
    private static final Path PROC = Path.of("/proc");

    private final ProcessHandle root;
    private final byte[] marker;
    private final Set<ProcessHandle> known = new LinkedHashSet<>();

    /**
     * A tree whose processes inherit {@code cookie} as {@link #COOKIE}.
     */
    ProcessTree(final ProcessHandle root, final String cookie) {
        this.root = root;
        this.marker = (COOKIE + "=" + cookie).getBytes(StandardCharsets.UTF_8);
    }

    /** Remembers the descendants alive now. */
    synchronized void track() {
        root.descendants().forEach(known::add);
        for (var handle : List.copyOf(known)) {
            if (handle.isAlive()) {
                handle.descendants().forEach(known::add);
            }
        }
        known.removeIf(handle -> !handle.isAlive());
    }

    /** Whether any process of the tree but the root is still alive, including orphans that carry the cookie. */
    synchronized boolean hasLiveDescendants() {
        track();
        marked().forEach(known::add);
        known.remove(root);
        return !known.isEmpty();
    }

    /** The processes whose environment holds the cookie (none where there is no {@code /proc}). */
    private List<ProcessHandle> marked() {
        var found = new ArrayList<ProcessHandle>();
        if (!Files.isDirectory(PROC)) {
            return found;
        }
        try (var entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (var entry : entries) {
                if (holdsMarker(entry.resolve("environ"))) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(found::add);
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            // /proc changes while it is read; what was found is what can be killed
        }
        return found;
    }

    /** Whether one of the NUL-separated {@code NAME=VALUE} entries of an environ file is the marker. */
    private boolean holdsMarker(final Path environ) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(environ);
        }
        catch (IOException e) {
            return false; // gone, or another user's process
        }
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                if (i - start == marker.length && Arrays.equals(bytes, start, i, marker, 0, marker.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /**
     * Asks the whole tree to terminate (SIGTERM), waits up to {@code grace}, then kills what is left (SIGKILL),
     * including anything started in between.
     */
    synchronized void kill(final Duration grace) {
        track();
        marked().forEach(known::add);
        known.remove(root);
        var all = new ArrayList<ProcessHandle>();
        all.add(root);
        all.addAll(known);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (var handle : all) {
            awaitExit(handle, deadline - System.nanoTime());
        }
        track();
        marked().forEach(known::add);
        all.addAll(known);
        for (var handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (var handle : all) {
            awaitExit(handle, TimeUnit.SECONDS.toNanos(5));
        }
        known.clear();
    }

    private static void awaitExit(final ProcessHandle handle, final long nanos) {
        if (nanos <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException | ExecutionException e) {
            // still alive: the forcible round follows
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
