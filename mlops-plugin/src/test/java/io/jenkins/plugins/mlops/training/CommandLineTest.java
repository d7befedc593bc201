package io.jenkins.plugins.mlops.training;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {
    @Test
    void shouldSplitAStringAsAShellWouldWithoutExpandingAnything() {
        assertThat(CommandLine.of("python train.py --name 'my run' $HOME")).containsExactly("python", "train.py",
                "--name", "my run", "$HOME");
    }

    @Test
    void shouldTakeAListWordByWord() {
        assertThat(CommandLine.of(List.of("python", "my script.py", 3))).containsExactly("python", "my script.py",
                "3");
        assertThat(CommandLine.of(null)).isEmpty();
    }

    @Test
    void shouldRejectWhatCannotBeACommand() {
        assertThatThrownBy(() -> CommandLine.of("python 'train.py")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("command: the quote ' at character 8");
        assertThatThrownBy(() -> CommandLine.of(Arrays.asList("python", null))).isInstanceOf(InputException.class)
                .hasMessage("command: the list holds null: expected the program and its arguments, such as "
                        + "['python', 'train.py']");
        assertThatThrownBy(() -> CommandLine.of(Map.of("python", "train.py"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("command: expected a string or a list of strings, got a ");
    }
}
