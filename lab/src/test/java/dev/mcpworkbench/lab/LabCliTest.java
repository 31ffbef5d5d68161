package dev.mcpworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabCliTest {

    @Test
    void httpWithAuthPrintsMcpUrlThenIssuer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LabSpec spec = LabCli.parseHttpSpec(LabServerKind.SECURE, java.util.List.of("--http", "--auth", "--as-option", "no-iss"));
        try (RunningLab lab = LabCli.serveHttp(spec, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).isEqualTo(lab.mcpUrl().toString());
            assertThat(lines[1]).isEqualTo(lab.issuer().orElseThrow().toString());
            HttpResponse<String> metadata = new OAuthDriver(lab).get(URI.create(lines[1] + "/.well-known/oauth-authorization-server"), Map.of());
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(lab.spec().misbehaviours()).extracting(m -> m.optionName()).containsExactly("no-iss");
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(LabCli.run(new String[] {"serve", "flawed", "--http", "--as-option", "pkce-optional"}, System.in, out, errStream)).isEqualTo(2);
        assertThat(LabCli.run(new String[] {"serve", "nothing", "--http"}, System.in, out, errStream)).isEqualTo(2);
        assertThat(LabCli.run(new String[] {"serve", "secure", "--http", "--auth", "--as-option", "bogus"}, System.in, out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs --auth").contains("unknown lab server").contains("unknown misbehaviour");
    }

    @Test
    void listNamesEveryMisbehaviour() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(LabCli.run(new String[] {"list"}, System.in, out, out)).isZero();
        String text = bytes.toString(StandardCharsets.UTF_8);
        for (var m : dev.mcpworkbench.lab.auth.Misbehaviour.values()) {
            assertThat(text).contains(m.optionName()).contains(m.ruleId());
        }
    }

    @Test
    void stdioServerAnswersAndStopsAtEndOfInput() throws Exception {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the pipe stays open until the answer has been written, then closes: the server must return
        var pipeIn = new java.io.PipedInputStream();
        var pipeOut = new java.io.PipedOutputStream(pipeIn);
        Thread server = Thread.ofVirtual().start(() -> {
            try {
                StdioLab.serve(LabServerKind.SECURE, pipeIn, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pipeOut.write(init.getBytes(StandardCharsets.UTF_8));
        pipeOut.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString(StandardCharsets.UTF_8).contains("\"id\":1") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        pipeOut.close();
        server.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(server.isAlive()).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\"").contains("tidy-notes");
    }
}
