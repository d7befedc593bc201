package io.mlops.training;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandWordsTest {
    @Test
    void shouldSplitLikeAShellWithoutExpandingAnything() {
        assertThat(CommandWords.split("  python train.py --name 'my run' --note \"say \\\"hi\\\" to $USER\" a\\ b "))
                .containsExactly("python", "train.py", "--name", "my run", "--note", "say \"hi\" to $USER", "a b");
    }

    @Test
    void shouldKeepEmptyQuotedWords() {
        assertThat(CommandWords.split("run '' \"\"")).containsExactly("run", "", "");
    }

    @Test
    void shouldNameAnUnclosedQuote() {
        assertThatThrownBy(() -> CommandWords.split("python -c 'print(1)")).isInstanceOf(InputException.class)
                .hasMessage("command: the quote ' at character 11 of 'python -c 'print(1)' is not closed");
    }

    @Test
    void shouldRefuseAnEmptyCommand() {
        assertThatThrownBy(() -> CommandWords.split("   ")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("command: no training command given");
    }

    @Test
    void shouldJoinWordsIntoALineThatSplitsBackIntoThem() {
        var words = List.of("sh", "-c", "echo '<b>' \"x\"; exit 3", "", "a\\b", "plain--flag=1");

        var line = CommandWords.join(words);

        assertThat(line).isEqualTo("sh -c 'echo '\\''<b>'\\'' \"x\"; exit 3' '' 'a\\b' plain--flag=1");
        assertThat(CommandWords.split(line)).isEqualTo(words);
        assertThat(CommandWords.join(List.of("python", "train.py", "--epochs", "3")))
                .isEqualTo("python train.py --epochs 3");
    }
}
