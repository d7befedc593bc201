package io.mlops.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the benchmark dataset of reference/performance.md §0 — 20 columns: 5 integer (a unique {@code id}),
 * 10 decimal with 1 to 9 fractional digits ({@code temp} 2% empty), 5 categorical (country 15 levels, device
 * 4, plan 4 skewed, segment Zipf over 4,500 values, a true/false flag) — and the schema that describes it.
 * The bytes depend only on the seed and the row count. Rows are written as bytes into one buffer, since
 * formatting per field would make generating the file slower than validating it.
 */
public final class DatasetGenerator {
    /** The column names, in file order. */
    public static final List<String> COLUMNS = List.of("id", "age", "tenure_months", "sessions", "support_tickets",
            "income", "monthly_spend", "temp", "latency_ms", "score", "ratio", "lat", "lon", "balance", "discount",
            "country", "device", "plan", "segment", "is_active");
    static final int SEGMENTS = 4_500;
    static final double TEMP_MISSING = 0.02;

    private static final String[] COUNTRIES = {"US", "IN", "DE", "GB", "BR", "FR", "JP", "CA", "MX", "ES", "IT",
        "AU", "NL", "SE", "PL"};
    private static final String[] DEVICES = {"mobile", "desktop", "tablet", "tv"};
    private static final String[] PLANS = {"free", "basic", "pro", "enterprise"};
    private static final byte[][] COUNTRY_BYTES = ascii(COUNTRIES);
    private static final byte[][] DEVICE_BYTES = ascii(DEVICES);
    private static final byte[][] PLAN_BYTES = ascii(PLANS);
    private static final byte[][] FLAG_BYTES = ascii(new String[] {"true", "false"});
    private static final byte[] SEGMENT_PREFIX = ascii(new String[] {"seg-"})[0];
    private static final double[] COUNTRY_CDF = cdf(20, 14, 9, 8, 8, 7, 6, 6, 5, 4, 4, 3, 2, 2, 2);
    private static final double[] DEVICE_CDF = cdf(52, 36, 10, 2);
    private static final double[] PLAN_CDF = cdf(62, 24, 11, 3);
    private static final double[] SEGMENT_CDF = zipf(SEGMENTS, 1.0);
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};
    private static final int BUFFER = 1 << 16;
    private static final int MAX_ROW_BYTES = 512;

    private final long seed;

    /** A generator whose output is fully determined by {@code seed}. */
    public DatasetGenerator(final long seed) {
        this.seed = seed;
    }

    /** Writes a header and {@code rows} data rows to {@code out} and returns the number of bytes written. */
    public long write(final OutputStream out, final long rows) throws IOException {
        var random = new SplittableRandom(seed);
        var row = new Row(out);
        row.text(String.join(",", COLUMNS).getBytes(StandardCharsets.US_ASCII));
        row.end();
        // Unique ids in random order: i -> i * odd + offset is a bijection modulo a power of two >= rows.
        long idMask = Long.highestOneBit(Math.max(1024, rows - 1)) * 2 - 1;
        long idOffset = random.nextLong();
        for (long i = 0; i < rows; i++) {
            row.integer(1 + ((i * 0x9E3779B97F4A7C15L + idOffset) & idMask));
            row.integer(Math.max(18, Math.min(95, Math.round(41 + 13 * random.nextGaussian()))));
            row.integer(random.nextInt(120));
            row.integer(Math.min(999, (long) (-60 * Math.log1p(-random.nextDouble()))));
            row.integer(Math.min(20, (long) (-1.2 * Math.log1p(-random.nextDouble()))));
            row.decimal(Math.exp(10.6 + 0.55 * random.nextGaussian()), 2);
            row.decimal(Math.exp(4.6 + 0.5 * random.nextGaussian()), 2);
            if (random.nextDouble() < TEMP_MISSING) {
                row.missing();
            }
            else {
                row.decimal(21 + 4 * random.nextGaussian(), 1);
            }
            row.decimal(Math.exp(4.2 + 0.6 * random.nextGaussian()), 4);
            row.decimal(random.nextDouble(), 9);
            double u = random.nextDouble();
            row.decimal(u * u, 1 + random.nextInt(9));
            row.decimal(-55 + 125 * random.nextDouble(), 7);
            row.decimal(-180 + 360 * random.nextDouble(), 7);
            row.decimal(1500 + 4000 * random.nextGaussian(), 2);
            row.decimal(0.5 * random.nextDouble(), 5);
            row.text(COUNTRY_BYTES[pick(COUNTRY_CDF, random.nextDouble())]);
            row.text(DEVICE_BYTES[pick(DEVICE_CDF, random.nextDouble())]);
            row.text(PLAN_BYTES[pick(PLAN_CDF, random.nextDouble())]);
            row.segment(1 + pick(SEGMENT_CDF, random.nextDouble()));
            row.text(FLAG_BYTES[random.nextDouble() < 0.68 ? 0 : 1]);
            row.end();
        }
        return row.close();
    }

    /**
     * Returns {@code file} holding {@code rows} rows from {@code seed}, generating it unless a previous run left
     * it complete: a marker next to it records the parameters and the byte size it was written with.
     */
    public static Path ensure(final Path file, final long rows, final long seed) throws IOException {
        var marker = file.resolveSibling(file.getFileName() + ".generated");
        var expected = "rows=" + rows + " seed=" + seed + " version=1 bytes=";
        if (Files.isRegularFile(file) && Files.isRegularFile(marker)) {
            var recorded = Files.readString(marker, StandardCharsets.US_ASCII).trim();
            if (recorded.equals(expected + Files.size(file))) {
                return file;
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(marker);
        var partial = file.resolveSibling(file.getFileName() + ".partial");
        long bytes;
        try (var out = Files.newOutputStream(partial)) {
            bytes = new DatasetGenerator(seed).write(out, rows);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(marker, expected + bytes + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    /** The data schema (DESIGN.md §3) that the generated data passes, with the constraints a team would write. */
    public static String schemaYaml() {
        return """
                # Schema of the mlops-bench dataset (reference/performance.md §0), written by DatasetGenerator.
                columns:
                  id:              {type: integer, nullable: false, unique: true, min: 1}
                  age:             {type: integer, nullable: false, min: 18, max: 120}
                  tenure_months:   {type: integer, nullable: false, min: 0, max: 120}
                  sessions:        {type: integer, nullable: false, min: 0}
                  support_tickets: {type: integer, nullable: false, min: 0}
                  income:          {type: number, nullable: false, min: 0}
                  monthly_spend:   {type: number, nullable: false, min: 0}
                  temp:            {type: number, maxMissingFraction: 0.05}
                  latency_ms:      {type: number, nullable: false, min: 0}
                  score:           {type: number, nullable: false, min: 0, max: 1}
                  ratio:           {type: number, nullable: false, min: 0, max: 1}
                  lat:             {type: number, nullable: false, min: -90, max: 90}
                  lon:             {type: number, nullable: false, min: -180, max: 180}
                  balance:         {type: number, nullable: false}
                  discount:        {type: number, nullable: false, min: 0, max: 0.5}
                  country:         {type: string, nullable: false, allowed: [%s]}
                  device:          {type: string, nullable: false, allowed: [%s]}
                  plan:            {type: string, nullable: false, allowed: [%s]}
                  segment:         {type: string, nullable: false, pattern: '^seg-[0-9]{4}$'}
                  is_active:       {type: boolean, nullable: false}
                rows: {min: 1000}
                extraColumns: error
                drift:
                  method: auto
                  shareThreshold: 0.5
                """.formatted(String.join(", ", COUNTRIES), String.join(", ", DEVICES), String.join(", ", PLANS));
    }

    /** Writes {@link #schemaYaml()} to {@code file} unless it already holds exactly that. */
    public static Path ensureSchema(final Path file) throws IOException {
        var text = schemaYaml();
        if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        return file;
    }

    static int pick(final double[] cdf, final double u) {
        int i = Arrays.binarySearch(cdf, u);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cdf.length - 1);
    }

    private static double[] cdf(final double... weights) {
        double total = Arrays.stream(weights).sum();
        var cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum / total;
        }
        cdf[cdf.length - 1] = 1.0;
        return cdf;
    }

    private static double[] zipf(final int n, final double exponent) {
        var weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = 1 / Math.pow(k + 1, exponent);
        }
        return cdf(weights);
    }

    private static byte[][] ascii(final String[] values) {
        var bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** One CSV line at a time into a byte buffer that is flushed between lines. */
    private static final class Row {
        private final OutputStream out;
        private final byte[] buffer = new byte[BUFFER];
        private int position;
        private boolean first = true;
        private long written;

        Row(final OutputStream out) {
            this.out = out;
        }

        void integer(final long value) {
            separator();
            digits(value);
        }

        /** {@code value} rounded to {@code fraction} decimal places, always written with that many. */
        void decimal(final double value, final int fraction) {
            separator();
            long scaled = Math.round(Math.abs(value) * POW10[fraction]);
            if (value < 0 && scaled != 0) {
                buffer[position++] = '-';
            }
            digits(scaled / POW10[fraction]);
            buffer[position++] = '.';
            long rest = scaled % POW10[fraction];
            for (int i = fraction - 1; i >= 0; i--) {
                buffer[position + i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            position += fraction;
        }

        /** {@code seg-} and a 4-digit number. */
        void segment(final int number) {
            separator();
            System.arraycopy(SEGMENT_PREFIX, 0, buffer, position, SEGMENT_PREFIX.length);
            position += SEGMENT_PREFIX.length;
            int rest = number;
            for (int i = 3; i >= 0; i--) {
                buffer[position + i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            position += 4;
        }

        void text(final byte[] value) {
            separator();
            System.arraycopy(value, 0, buffer, position, value.length);
            position += value.length;
        }

        void missing() {
            separator();
        }

        void end() throws IOException {
            buffer[position++] = '\n';
            first = true;
            if (position > buffer.length - MAX_ROW_BYTES) {
                flush();
            }
        }

        long close() throws IOException {
            flush();
            return written;
        }

        private void flush() throws IOException {
            out.write(buffer, 0, position);
            written += position;
            position = 0;
        }

        private void separator() {
            if (!first) {
                buffer[position++] = ',';
            }
            first = false;
        }

        /** A non-negative or negative long, without allocating. */
        private void digits(final long value) {
            long v = value;
            if (v < 0) {
                buffer[position++] = '-';
                v = -v;
            }
            int length = 1;
            for (long p = 10; length < 19 && v >= p; p *= 10) {
                length++;
            }
            for (int i = position + length - 1; i >= position; i--) {
                buffer[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            position += length;
        }
    }
}
