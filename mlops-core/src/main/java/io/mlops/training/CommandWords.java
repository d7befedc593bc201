package io.mlops.training;

import io.mlops.util.InputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line such as {@code python train.py --name 'my run'} into its words the way a POSIX shell
 * would, without running a shell: blanks separate words, single quotes keep everything literally, double quotes
 * keep blanks and let a backslash escape {@code " \ $ `}, and a backslash outside quotes escapes the next
 * character. Nothing is expanded: {@code $HOME} stays {@code $HOME} (use {@code sh -c '...'} for shell features).
 */
public final class CommandWords {
    private CommandWords() {
    }

    /**
     * The words of a command line.
     *
     * @throws InputException for an unclosed quote or a command without words
     */
    public static List<String> split(final String line) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw unclosed(line, "'", i);
                }
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            }
            else if (c == '"') {
                i = doubleQuoted(line, i, word);
                inWord = true;
            }
            else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            }
            else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            }
            else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new InputException("command: no training command given: expected e.g. python train.py");
        }
        return words;
    }

    /**
     * The command line of these words, as {@link #split} reads it back: a word with a blank, a quote, a backslash
     * or nothing in it is single-quoted (a single quote inside becomes {@code '\''}), other words stay as they are.
     * For reports and the lineage, where {@code String.join(" ", ...)} would hide where a word ends.
     */
    public static String join(final List<String> words) {
        var line = new StringBuilder();
        for (var word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(needsQuotes(word) ? "'" + word.replace("'", "'\\''") + "'" : word);
        }
        return line.toString();
    }

    private static boolean needsQuotes(final String word) {
        return word.isEmpty() || word.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"'
                || c == '\\');
    }

    /** Appends a double-quoted part starting at {@code open} and returns the index of its closing quote. */
    private static int doubleQuoted(final String line, final int open, final StringBuilder word) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw unclosed(line, "\"", open);
    }

    private static InputException unclosed(final String line, final String quote, final int at) {
        return new InputException("command: the quote " + quote + " at character " + (at + 1) + " of '" + line
                + "' is not closed");
    }
}
