package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.util.InputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code KEY=value} pairs, one per line, as the training's {@code env}, {@code secretEnv} and {@code nodeSelector}
 * are written. Unlike version tags, a value may hold commas ({@code LAYERS=64,128}); only line breaks separate pairs.
 * Keys are trimmed, values too; blank lines and lines starting with {@code #} are skipped.
 */
final class KeyValueLines {
    private KeyValueLines() {
    }

    /**
     * Parses the pairs.
     *
     * @param parameter the parameter's name, for messages
     * @param text      the lines, or {@code null} for none
     * @return the pairs in their order
     * @throws InputException when a line has no {@code =} or no key, or a key is given twice
     */
    static Map<String, String> parse(final String parameter, @CheckForNull final String text) {
        if (text == null) {
            return Map.of();
        }
        var pairs = new LinkedHashMap<String, String>();
        for (String line : text.split("\\R")) {
            var pair = line.trim();
            if (pair.isEmpty() || pair.startsWith("#")) {
                continue;
            }
            int equals = pair.indexOf('=');
            var key = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw new InputException(parameter + ": '" + pair + "' is not a pair: expected KEY=value, one per "
                        + "line");
            }
            if (pairs.put(key, pair.substring(equals + 1).trim()) != null) {
                throw new InputException(parameter + ": '" + key + "' is given twice: expected each key once");
            }
        }
        return Collections.unmodifiableMap(pairs);
    }
}
