package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineWordsTest {

    @Test
    void splitsLikeAShellWithoutExpanding() {
        assertThat(CommandLineWords.split("npx -y \"@scope/server\" --name 'a b' x\\ y $HOME"))
                .containsExactly("npx", "-y", "@scope/server", "--name", "a b", "x y", "$HOME");
        assertThat(CommandLineWords.split("  ")).isEmpty();
        assertThat(CommandLineWords.split("cmd ''")).containsExactly("cmd", "");
    }

    @Test
    void rejectsUnclosedQuotes() {
        assertThatThrownBy(() -> CommandLineWords.split("cmd 'open")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinQuotesWhatNeedsIt() {
        List<String> words = List.of("node", "my server.js", "it's");
        assertThat(CommandLineWords.split(CommandLineWords.join(words))).isEqualTo(words);
    }
}
