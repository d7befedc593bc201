package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.util.InputException;

import java.util.ArrayList;
import java.util.List;

/**
 * The training command as users write it: a list of the program and its arguments, or one string that is split into
 * words as a POSIX shell splits it — blanks separate words, single quotes keep everything, double quotes keep all but
 * {@code \"} and {@code \\}, a backslash outside quotes escapes the next character. Nothing is expanded: no variables,
 * no globs, no {@code ~}; the command runs without a shell (write {@code sh -c '...'} to have one).
 */
final class CommandLine {
    private CommandLine() {
    }

    /**
     * The words of a command given as a string or a list.
     *
     * @param command a string, a list of strings (or of values whose text is the word), or {@code null}
     * @return the words, empty for none
     * @throws InputException for an unclosed quote, or something else than a string or a list
     */
    static List<String> of(@CheckForNull final Object command) {
        if (command == null) {
            return List.of();
        }
        if (command instanceof CharSequence text) {
            return split(text.toString());
        }
        if (command instanceof List<?> list) {
            var words = new ArrayList<String>();
            for (Object word : list) {
                if (word == null) {
                    throw new InputException("command: the list holds null: expected the program and its arguments, "
                            + "such as ['python', 'train.py']");
                }
                words.add(word.toString());
            }
            return words;
        }
        throw new InputException("command: expected a string or a list of strings, got a "
                + command.getClass().getSimpleName());
    }

    /**
     * Splits a command line into words.
     *
     * @throws InputException for an unclosed quote or a trailing backslash
     */
    static List<String> split(final String line) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw unclosed("'", line);
                }
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == line.length()) {
                    throw new InputException("command: '" + line + "' ends with a backslash: expected a character "
                            + "after it");
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a double-quoted part, from after its opening quote; returns the index of its closing quote. */
    private static int doubleQuoted(final String line, final int from, final StringBuilder word) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw unclosed("\"", line);
    }

    private static InputException unclosed(final String quote, final String line) {
        return new InputException("command: '" + line + "' has an unclosed " + quote + ": expected a closing "
                + quote);
    }
}
