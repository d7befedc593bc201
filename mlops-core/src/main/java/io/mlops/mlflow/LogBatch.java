package io.mlops.mlflow;

import io.mlops.util.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body of one {@code POST runs/log-batch} call, and the splitting of many values into calls the server
 * accepts. The limits are those of {@code mlflow/utils/validation.py}: at most 1000 metrics, 100 params,
 * 100 tags and 1000 values in all per call, and at most {@code MAX_BATCH_LOG_REQUEST_SIZE} = 1,000,000
 * characters of request JSON.
 *
 * @param runId   the run
 * @param metrics the metrics of this call
 * @param params  the parameters of this call
 * @param tags    the tags of this call
 */
record LogBatch(String runId, List<Metric> metrics, List<Tag> params, List<Tag> tags) {
    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_VALUES = 1000;
    static final int MAX_REQUEST_BYTES = 1_000_000;

    /**
     * Splits values into as few calls as the limits allow, keeping their order within each kind: parameters
     * first, because MLflow rejects a changed parameter, then metrics, then tags.
     */
    static List<LogBatch> split(final String runId, final List<Metric> metrics, final List<Tag> params,
            final List<Tag> tags) {
        var batches = new ArrayList<LogBatch>();
        var chunk = new Chunk(runId);
        for (var param : params) {
            chunk = add(batches, chunk, param, Kind.PARAM);
        }
        for (var metric : metrics) {
            chunk = add(batches, chunk, metric, Kind.METRIC);
        }
        for (var tag : tags) {
            chunk = add(batches, chunk, tag, Kind.TAG);
        }
        if (!chunk.isEmpty()) {
            batches.add(chunk.batch());
        }
        return batches;
    }

    private enum Kind { METRIC, PARAM, TAG }

    private static Chunk add(final List<LogBatch> batches, final Chunk chunk, final Object value, final Kind kind) {
        int size = MlflowHttp.write(value).length;
        if (Chunk.EMPTY_BYTES + size > MAX_REQUEST_BYTES - chunk.runIdBytes) {
            throw new InputException("an MLflow " + kind.name().toLowerCase(Locale.ROOT) + " of "
                    + size + " bytes of JSON does not fit into one log-batch request of at most "
                    + MAX_REQUEST_BYTES + " bytes");
        }
        var current = chunk;
        if (!current.fits(kind, size)) {
            batches.add(current.batch());
            current = new Chunk(chunk.runId);
        }
        current.add(kind, value, size);
        return current;
    }

    /** A batch being filled, with the size its JSON will have. */
    private static final class Chunk {
        /** {@code {"run_id":"","metrics":[],"params":[],"tags":[]}} */
        static final int EMPTY_BYTES = 48;

        private final String runId;
        private final int runIdBytes;
        private final List<Metric> metrics = new ArrayList<>();
        private final List<Tag> params = new ArrayList<>();
        private final List<Tag> tags = new ArrayList<>();
        private long bytes;

        Chunk(final String runId) {
            this.runId = runId;
            this.runIdBytes = MlflowHttp.write(runId).length - 2;
            this.bytes = EMPTY_BYTES + runIdBytes;
        }

        boolean isEmpty() {
            return metrics.isEmpty() && params.isEmpty() && tags.isEmpty();
        }

        boolean fits(final Kind kind, final int size) {
            int count = metrics.size() + params.size() + tags.size();
            boolean underLimit = switch (kind) {
                case METRIC -> metrics.size() < MAX_METRICS;
                case PARAM -> params.size() < MAX_PARAMS;
                case TAG -> tags.size() < MAX_TAGS;
            };
            // +1 for the comma before the value
            return underLimit && count < MAX_VALUES && bytes + size + 1 <= MAX_REQUEST_BYTES;
        }

        void add(final Kind kind, final Object value, final int size) {
            switch (kind) {
                case METRIC -> metrics.add((Metric) value);
                case PARAM -> params.add((Tag) value);
                case TAG -> tags.add((Tag) value);
            }
            bytes += size + 1;
        }

        LogBatch batch() {
            return new LogBatch(runId, List.copyOf(metrics), List.copyOf(params), List.copyOf(tags));
        }
    }
}
