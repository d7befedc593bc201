package io.mlops.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The baseline (reference/performance.md b0): FastCSV's {@code ofCsvRecord(Path)} tokenises each file and
 * every field is touched as a {@code String}. Prints the counts so that the work cannot be optimised away.
 */
public final class TokenizeOnly {
    private TokenizeOnly() {
    }

    /** {@code TokenizeOnly <csv file>...}. */
    public static void main(final String[] args) throws IOException {
        long records = 0;
        long fields = 0;
        long chars = 0;
        for (String file : args) {
            try (var reader = CsvReader.builder().ofCsvRecord(Path.of(file))) {
                for (CsvRecord record : reader) {
                    records++;
                    int count = record.getFieldCount();
                    for (int i = 0; i < count; i++) {
                        chars += record.getField(i).length();
                    }
                    fields += count;
                }
            }
        }
        System.out.println("records=" + records + " fields=" + fields + " chars=" + chars);
    }
}
