package io.mlops.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a lock file that holds across processes (an OS file lock) and across threads of one
 * process (the OS lock alone throws when a second thread of the same JVM asks, as on a Jenkins agent running
 * parallel steps). Used with try-with-resources; the locked sections replace their files with {@link AtomicFiles}.
 */
public final class FileLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final java.nio.channels.FileLock osLock;

    private FileLock(final ReentrantLock threadLock, final FileChannel channel,
            final java.nio.channels.FileLock osLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.osLock = osLock;
    }

    /** Waits for and takes the lock on a lock file, creating it and its directory when missing. */
    public static FileLock acquire(final Path lockFile) throws IOException {
        var path = lockFile.toAbsolutePath().normalize();
        Files.createDirectories(path.getParent());
        var threadLock = IN_PROCESS.computeIfAbsent(path, ignored -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new FileLock(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            osLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
