package dev.mcpworkbench.oauth.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An edit kept as a difference re-applies to the next run's request without its stale state or code. */
class RequestEditTest {

    private static final Map<String, List<String>> FORM = Map.of("Content-Type", List.of("application/x-www-form-urlencoded"));

    @Test
    void aChangedQueryParameterIsReappliedAndTheOthersKeepTheirNewValues() {
        RequestDraft first = new RequestDraft("GET", URI.create("https://as/authorize?state=A&scope=read&x=1"), Map.of(), "");
        RequestDraft edited = first.withUri(URI.create("https://as/authorize?state=A&scope=read%20write"));
        RequestEdit edit = RequestEdit.between(first, edited);

        RequestDraft next = new RequestDraft("GET", URI.create("https://as/authorize?state=B&scope=read&x=1"), Map.of(), "");
        assertThat(edit.applyTo(next).uri().toString()).isEqualTo("https://as/authorize?state=B&scope=read%20write");
    }

    @Test
    void formBodiesAreEditedByParameterAndHeadersByName() {
        RequestDraft first = new RequestDraft("POST", URI.create("https://as/token"), FORM, "code=c1&grant_type=authorization_code");
        RequestDraft edited = new RequestDraft("POST", URI.create("https://as/token"),
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded"), "X-Debug", List.of("1")),
                "code=c1&grant_type=authorization_code&resource=https%3A%2F%2Fother");
        RequestEdit edit = RequestEdit.between(first, edited);

        RequestDraft next = edit.applyTo(new RequestDraft("POST", URI.create("https://as/token"), FORM, "code=c2&grant_type=authorization_code"));
        assertThat(next.body()).isEqualTo("code=c2&grant_type=authorization_code&resource=https%3A%2F%2Fother");
        assertThat(next.header("X-Debug")).isEqualTo("1");
        assertThat(RequestEdit.between(first, first).isEmpty()).isTrue();
    }
}
