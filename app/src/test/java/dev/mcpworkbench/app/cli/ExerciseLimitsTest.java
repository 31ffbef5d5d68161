package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --exercise} against a server whose read-only tools never answer: timeouts and the overall limit are reported. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ExerciseLimitsTest {

    @TempDir
    Path dir;

    /** Lists five read-only tools and never answers a tools/call. */
    private Path hangingServer() throws Exception {
        StringBuilder tools = new StringBuilder("{\"tools\":[");
        for (int i = 1; i <= 5; i++) {
            if (i > 1) tools.append(',');
            tools.append("{\"name\":\"slow").append(i).append("\",\"inputSchema\":{\"type\":\"object\"},\"annotations\":{\"readOnlyHint\":true}}");
        }
        tools.append("]}");
        String script = """
                while read -r line; do
                  id=$(printf '%s' "$line" | sed -n 's/.*"id":\\([0-9][0-9]*\\).*/\\1/p')
                  case "$line" in
                    *notifications/*) ;;
                    *'"initialize"'*) printf '{"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":"2025-11-25","capabilities":{"tools":{}},"serverInfo":{"name":"hangs","version":"1"}}}\\n' "$id" ;;
                    *tools/list*) printf '{"jsonrpc":"2.0","id":%s,"result":%s}\\n' "$id" 'TOOLS' ;;
                    *) ;;
                  esac
                done
                """.replace("TOOLS", tools);
        Path file = dir.resolve("hangs.sh");
        Files.writeString(file, script);
        return file;
    }

    @Test
    void timeoutsAndTheOverallLimitAreInTheReportsErrors() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = WorkbenchCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        long start = System.nanoTime();
        int exit = cli.execute("scan", "--stdio", "sh '" + hangingServer() + "'", "--exercise", "--cloak-check-client", "none",
                "--timeout", "1", "--exercise-limit", "2", "--format", "json", "--fail-on", "critical");
        assertThat(exit).as(err.toString()).isIn(0, 1);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        List<String> errors = new ArrayList<>();
        report.path("errors").forEach(e -> errors.add(e.isTextual() ? e.asText() : e.toString()));
        assertThat(errors).anyMatch(e -> e.contains("slow1") && e.contains("timed out"));
        assertThat(errors).anyMatch(e -> e.contains("overall limit of 2 s") && e.contains("planned calls"));
        assertThat(errors).noneMatch(e -> e.contains("slow5") && e.contains("timed out"));
    }
}
