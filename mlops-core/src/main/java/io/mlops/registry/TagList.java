package io.mlops.registry;

import io.mlops.util.InputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Version tags written as text, as a Jenkins form or a Pipeline script gives them: {@code key=value} pairs, one per
 * line or comma-separated ({@code team=fraud, dataset=2024-06}). Keys and values are trimmed; a value may be empty
 * and may contain {@code =}, but not a comma or a line break, which separate pairs.
 */
public final class TagList {
    private static final Pattern SEPARATORS = Pattern.compile("[,\\r\\n]");

    private TagList() {
    }

    /**
     * Parses tags.
     *
     * @param text the pairs, or {@code null} or blank for none
     * @return the tags in the order given
     * @throws InputException when a pair has no {@code =} or no key, or a key is given twice
     */
    public static Map<String, String> parse(final String text) {
        if (text == null) {
            return Map.of();
        }
        var tags = new LinkedHashMap<String, String>();
        for (String pair : SEPARATORS.split(text)) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            var key = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw new InputException("tags: '" + pair.trim() + "' is not a tag: expected key=value, one per line "
                        + "or comma-separated");
            }
            if (tags.put(key, pair.substring(equals + 1).trim()) != null) {
                throw new InputException("tags: '" + key + "' is given twice: expected each key once");
            }
        }
        return Collections.unmodifiableMap(tags);
    }
}
