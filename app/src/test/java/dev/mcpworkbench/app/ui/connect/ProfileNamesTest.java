package dev.mcpworkbench.app.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileNamesTest {

    @Test
    void aFreeNameIsKept() {
        assertThat(ProfileNames.free("notes copy", List.of("notes"))).isEqualTo("notes copy");
    }

    @Test
    void aTakenNameGetsTheFirstFreeNumber() {
        assertThat(ProfileNames.free("notes copy", List.of("notes", "notes copy"))).isEqualTo("notes copy 2");
        assertThat(ProfileNames.free("notes copy", List.of("notes copy", "notes copy 2", "notes copy 4")))
                .isEqualTo("notes copy 3");
    }
}
