package io.mlops.data;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A SHA-256 computed on a thread of its own from copies of the bytes it is given, so that hashing (about a fifth
 * of the reading thread's work on a CSV file) runs beside parsing instead of in line with it. A few fixed blocks
 * are recycled between the two threads, so memory does not grow with the file and a slow hash holds the reader
 * back instead of queueing bytes.
 */
final class BackgroundSha256 implements AutoCloseable {
    /** Blocks are handed over when full: each hand-off wakes the other thread, which costs more than copying. */
    private static final int BLOCK_BYTES = 1 << 18;
    private static final int BLOCKS = 4;
    private static final Block END = new Block(0);

    private final MessageDigest digest = newSha256();
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    /** Started on the first bytes: a reader that only looks at a file's header never starts it. */
    private Thread worker;
    /** The block being filled; null when there is none. */
    private Block filling;
    private byte[] result;

    /** Queues a copy of the bytes for hashing; blocks while the hashing thread is behind. */
    void update(final byte[] bytes, final int offset, final int length) throws InterruptedIOException {
        if (worker == null) {
            start();
        }
        int done = 0;
        while (done < length) {
            if (filling == null) {
                filling = take(free);
                filling.length = 0;
            }
            int count = Math.min(length - done, BLOCK_BYTES - filling.length);
            System.arraycopy(bytes, offset + done, filling.bytes, filling.length, count);
            filling.length += count;
            done += count;
            if (filling.length == BLOCK_BYTES) {
                put(filling);
                filling = null;
            }
        }
    }

    /** Waits for the queued bytes and returns the digest; call once, after the last update. */
    byte[] digest() throws InterruptedIOException {
        if (result == null) {
            if (worker != null) {
                if (filling != null) {
                    put(filling);
                    filling = null;
                }
                put(END);
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    throw interrupted();
                }
            }
            result = digest.digest();
        }
        return result;
    }

    private void start() {
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new Block(BLOCK_BYTES));
        }
        worker = new Thread(this::hash, "mlops-sha256");
        worker.setDaemon(true);
        worker.start();
    }

    private void hash() {
        try {
            while (true) {
                var block = full.take();
                if (block == END) {
                    return;
                }
                digest.update(block.bytes, 0, block.length);
                free.put(block);
            }
        } catch (InterruptedException e) {
            // closed before the end: the digest is not wanted
            Thread.currentThread().interrupt();
        }
    }

    private Block take(final BlockingQueue<Block> queue) throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private void put(final Block block) throws InterruptedIOException {
        try {
            full.put(block);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while hashing the file");
    }

    /** Stops the hashing thread if the digest was never asked for. */
    @Override
    public void close() {
        if (worker != null && worker.isAlive()) {
            worker.interrupt();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java SE platform must provide SHA-256 (MessageDigest Javadoc)
            throw new IllegalStateException(e);
        }
    }

    /** Bytes waiting to be hashed. */
    private static final class Block {
        private final byte[] bytes;
        private int length;

        Block(final int capacity) {
            bytes = new byte[capacity];
        }
    }
}
