package io.mlops.util;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code key=value} pairs written as text, as a Jenkins form or a Pipeline script gives them. Keys and values are
 * trimmed; a value may be empty and may contain {@code =}; a key given twice or a pair without a key is refused.
 *
 * @param separators what separates pairs
 * @param comments   whether a pair starting with {@code #} is a comment, skipped
 * @param noun       what one pair is called in a message ("tag", "pair")
 * @param expected   how the pairs are written, for a message
 */
public record KeyValueText(Pattern separators, boolean comments, String noun, String expected) {
    /** Version tags: one per line or comma-separated ({@code team=fraud, dataset=2024-06}). */
    public static final KeyValueText TAGS = new KeyValueText(Pattern.compile("[,\\r\\n]"), false, "tag",
            "key=value, one per line or comma-separated");
    /**
     * A training's {@code env}, {@code secretEnv} and {@code nodeSelector}: one pair per line, so that a value may hold
     * commas ({@code LAYERS=64,128}); lines starting with {@code #} are skipped.
     */
    public static final KeyValueText LINES = new KeyValueText(Pattern.compile("\\R"), true, "pair",
            "KEY=value, one per line");

    /**
     * Parses the pairs.
     *
     * @param field the parameter's name, for messages
     * @param text  the pairs, or {@code null} or blank for none
     * @return the pairs in the order given
     * @throws InputException naming the field when a pair has no {@code =} or no key, or a key is given twice
     */
    public Map<String, String> parse(final String field, final String text) {
        if (text == null) {
            return Map.of();
        }
        var pairs = new LinkedHashMap<String, String>();
        for (String part : separators.split(text)) {
            var pair = part.trim();
            if (pair.isEmpty() || comments && pair.startsWith("#")) {
                continue;
            }
            int equals = pair.indexOf('=');
            var key = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw new InputException(field + ": '" + pair + "' is not a " + noun + ": expected " + expected);
            }
            if (pairs.put(key, pair.substring(equals + 1).trim()) != null) {
                throw new InputException(field + ": '" + key + "' is given twice: expected each key once");
            }
        }
        return Collections.unmodifiableMap(pairs);
    }
}
