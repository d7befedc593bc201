package io.jenkins.plugins.mlops.training;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {
    @Test
    void shouldSplitAsAShellWouldWithoutExpandingAnything() {
        assertThat(CommandLine.split("  python train.py   --lr 0.01 ")).containsExactly("python", "train.py", "--lr",
                "0.01");
        assertThat(CommandLine.split("python train.py --name 'my run' --note \"it's \\\"fine\\\"\""))
                .containsExactly("python", "train.py", "--name", "my run", "--note", "it's \"fine\"");
        assertThat(CommandLine.split("echo $HOME ~ *.py a\\ b ''")).containsExactly("echo", "$HOME", "~", "*.py",
                "a b", "");
        assertThat(CommandLine.split("sh -c 'python train.py | tee log.txt'")).containsExactly("sh", "-c",
                "python train.py | tee log.txt");
    }

    @Test
    void shouldTakeAListAsItIs() {
        assertThat(CommandLine.of(List.of("python", "my script.py", 3))).containsExactly("python", "my script.py",
                "3");
        assertThat(CommandLine.of(null)).isEmpty();
    }

    @Test
    void shouldRejectWhatCannotBeACommand() {
        assertThatThrownBy(() -> CommandLine.split("python 'train.py")).isInstanceOf(InputException.class)
                .hasMessage("command: 'python 'train.py' has an unclosed ': expected a closing '");
        assertThatThrownBy(() -> CommandLine.split("python \"train.py")).isInstanceOf(InputException.class)
                .hasMessage("command: 'python \"train.py' has an unclosed \": expected a closing \"");
        assertThatThrownBy(() -> CommandLine.split("python \\")).isInstanceOf(InputException.class)
                .hasMessage("command: 'python \\' ends with a backslash: expected a character after it");
        assertThatThrownBy(() -> CommandLine.of(Map.of("python", "train.py"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("command: expected a string or a list of strings, got a ");
    }
}
