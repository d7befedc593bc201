package io.mlops.validation;

import io.mlops.util.Interruptions;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Moves full {@link RowBatch}es from the reading thread to one profiling thread and recycles them. Parsing
 * and sketch updates then run on two cores (reference/performance.md §2: this nearly doubles throughput),
 * and memory stays at a fixed number of batches whatever the file size.
 */
final class BatchPipeline implements AutoCloseable {
    private static final int BATCHES = 6;
    private static final RowBatch END = new RowBatch(List.of());

    private final BlockingQueue<RowBatch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<RowBatch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Thread worker;
    private volatile Throwable failure;

    BatchPipeline(final List<ColumnPlan> plans, final Consumer<RowBatch> consumer) {
        for (int i = 0; i < BATCHES; i++) {
            free.add(new RowBatch(plans));
        }
        worker = new Thread(() -> drain(consumer), "mlops-profile");
        worker.setDaemon(true);
        worker.start();
    }

    private void drain(final Consumer<RowBatch> consumer) {
        try {
            while (true) {
                var batch = full.take();
                if (batch == END) {
                    return;
                }
                consumer.accept(batch);
                batch.size = 0;
                free.put(batch);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException | Error e) {
            failure = e;
            // Unblock the reading thread, which waits for a free batch.
            free.clear();
            free.offer(new RowBatch(List.of()));
        }
    }

    /** The first empty batch. */
    RowBatch first() {
        return take();
    }

    /** Queues a full batch and returns an empty one. */
    RowBatch handOff(final RowBatch batch) {
        checkWorker();
        try {
            full.put(batch);
        }
        catch (InterruptedException e) {
            throw Interruptions.interrupted("profiling", e);
        }
        return take();
    }

    private RowBatch take() {
        try {
            var batch = free.take();
            checkWorker();
            return batch;
        }
        catch (InterruptedException e) {
            throw Interruptions.interrupted("profiling", e);
        }
    }

    /** Waits until every queued batch is profiled. */
    void finish() {
        try {
            full.put(END);
            worker.join();
        }
        catch (InterruptedException e) {
            throw Interruptions.interrupted("profiling", e);
        }
        checkWorker();
    }

    private void checkWorker() {
        var error = failure;
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
    }

    @Override
    public void close() {
        if (worker.isAlive()) {
            worker.interrupt();
        }
    }
}
