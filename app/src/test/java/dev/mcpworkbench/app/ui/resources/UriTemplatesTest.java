package dev.mcpworkbench.app.ui.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UriTemplatesTest {

    @Test
    void variablesAreFoundOnceInOrder() {
        assertThat(UriTemplates.variables("demo://resource/{id}/{+path}{?q,page}{id}")).containsExactly("id", "path", "q", "page");
    }

    @Test
    void simpleValuesAreEncodedReservedOnesAreNot() {
        assertThat(UriTemplates.expand("demo://r/{id}/{+path}", Map.of("id", "a b/c", "path", "x/y z")))
                .isEqualTo("demo://r/a%20b%2Fc/x/y z");
    }

    @Test
    void queryExpressionsSkipEmptyValues() {
        assertThat(UriTemplates.expand("s://x{?q,page}", Map.of("q", "mcp", "page", ""))).isEqualTo("s://x?q=mcp");
        assertThat(UriTemplates.expand("s://x{?q}", Map.of())).isEqualTo("s://x");
    }
}
