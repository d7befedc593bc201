package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.training.CommandWords;
import io.mlops.util.InputException;

import java.util.ArrayList;
import java.util.List;

/**
 * The training command as a Jenkinsfile gives it: a list of the program and its arguments, taken word by word, or
 * one string, split into words as a shell would split it without running one ({@link CommandWords}).
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
            return CommandWords.split(text.toString());
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
}
