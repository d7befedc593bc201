package io.mlops.validation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The probabilistic first pass of the exact uniqueness check, in bounded memory: 64-bit hashes of every value
 * are kept in a fixed buffer, spilled to sorted runs on disk when it fills, and merged to find hashes that
 * occur more than once. Those candidates are then confirmed on the real values by a second pass
 * ({@link UniqueConfirmation}), so a hash collision can never fail a column.
 */
final class UniqueValues implements AutoCloseable {
    /**
     * Hashes kept in memory before a run is spilled: a 32nd of the heap, at most 32 MB (sorting them takes as much
     * again for a moment). On a default heap a file of up to 4 million rows needs no run on disk and no merge (which
     * cost ~0.3 s on 2 million rows).
     */
    static final int BUFFER = (int) Math.min(1 << 22, Runtime.getRuntime().maxMemory() / 32 / 8);
    /** Candidate hashes confirmed on real values; more duplicates are counted but not all confirmed. */
    static final int MAX_CANDIDATES = 10_000;

    private final int bufferSize;
    private final List<Path> runs = new ArrayList<>();
    private long[] buffer;
    private int size;
    private long duplicateRows;
    private long[] candidates = new long[0];

    UniqueValues() {
        this(BUFFER);
    }

    UniqueValues(final int bufferSize) {
        this.bufferSize = bufferSize;
        this.buffer = new long[Math.min(bufferSize, 4096)];
    }

    void add(final long hash) {
        if (size == buffer.length) {
            if (size == bufferSize) {
                spill();
            }
            else {
                buffer = Arrays.copyOf(buffer, Math.min(bufferSize, buffer.length * 2));
            }
        }
        buffer[size++] = hash;
    }

    private void spill() {
        LongRadixSort.sort(buffer, size);
        try {
            var run = Files.createTempFile("mlops-unique-", ".run");
            run.toFile().deleteOnExit();
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (int i = 0; i < size; i++) {
                    out.writeLong(buffer[i]);
                }
            }
            runs.add(run);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file for the uniqueness check", e);
        }
        size = 0;
    }

    /** Finds the repeated hashes; call once, after the last value. */
    void finish() {
        LongRadixSort.sort(buffer, size);
        var found = new long[16];
        int foundSize = 0;
        try (var merged = new MergedRuns(runs, buffer, size)) {
            boolean hasPrevious = false;
            long previous = 0;
            boolean previousCounted = false;
            while (merged.hasNext()) {
                long hash = merged.next();
                if (hasPrevious && hash == previous) {
                    duplicateRows++;
                    if (!previousCounted && foundSize < MAX_CANDIDATES) {
                        if (foundSize == found.length) {
                            found = Arrays.copyOf(found, found.length * 2);
                        }
                        found[foundSize++] = hash;
                    }
                    previousCounted = true;
                }
                else {
                    previousCounted = false;
                }
                previous = hash;
                hasPrevious = true;
            }
        }
        candidates = Arrays.copyOf(found, foundSize);
        buffer = null;
    }

    /** Rows whose value hash equals an earlier row's: an upper bound of the repeated rows. */
    long duplicateRows() {
        return duplicateRows;
    }

    /** Sorted hashes that occur more than once (at most {@link #MAX_CANDIDATES}). */
    long[] candidates() {
        return candidates;
    }

    @Override
    public void close() {
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            }
            catch (IOException e) {
                // A temporary file left behind is deleted on exit.
            }
        }
        runs.clear();
    }

    /** A k-way merge of the sorted runs on disk and the sorted in-memory tail. */
    private static final class MergedRuns implements AutoCloseable {
        private final PriorityQueue<Source> heap = new PriorityQueue<>((a, b) -> Long.compare(a.head, b.head));
        private final List<DataInputStream> streams = new ArrayList<>();

        MergedRuns(final List<Path> runs, final long[] tail, final int tailSize) {
            try {
                for (Path run : runs) {
                    var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
                    streams.add(in);
                    push(new Source(in, null, 0));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read a temporary file of the uniqueness check", e);
            }
            push(new Source(null, tail, tailSize));
        }

        private void push(final Source source) {
            if (source.advance()) {
                heap.add(source);
            }
        }

        boolean hasNext() {
            return !heap.isEmpty();
        }

        long next() {
            if (heap.size() == 1) {
                // the last source (or the only one, when nothing was spilled): no reordering needed
                var source = heap.peek();
                long value = source.head;
                if (!source.advance()) {
                    heap.poll();
                }
                return value;
            }
            var source = heap.poll();
            long value = source.head;
            push(source);
            return value;
        }

        @Override
        public void close() {
            for (DataInputStream stream : streams) {
                try {
                    stream.close();
                }
                catch (IOException e) {
                    // Reading is over; nothing to recover.
                }
            }
        }
    }

    /** A sorted run on disk, or the sorted values[0..limit) in memory. */
    private static final class Source {
        private final DataInputStream in;
        private final long[] array;
        private final int limit;
        private int position;
        private long head;

        Source(final DataInputStream in, final long[] array, final int limit) {
            this.in = in;
            this.array = array;
            this.limit = limit;
        }

        boolean advance() {
            if (array != null) {
                if (position == limit) {
                    return false;
                }
                head = array[position++];
                return true;
            }
            try {
                head = in.readLong();
                return true;
            }
            catch (EOFException e) {
                return false;
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read a temporary file of the uniqueness check", e);
            }
        }
    }
}
