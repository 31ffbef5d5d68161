package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mcp-workbench snapshot}: connect, list everything, write the snapshot, exit. */
@Command(name = "snapshot",
        description = "Connect to an MCP server, list its tools, resources, resource templates and prompts, "
                + "and write them as a snapshot (JSON).",
        mixinStandardHelpOptions = true)
public final class SnapshotCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--stdio", paramLabel = "COMMAND", description = "Start the server with this command line (shell-style quoting).")
        String stdio;

        @Option(names = "--url", paramLabel = "URL", description = "Connect to this Streamable HTTP (or, with --sse, legacy SSE) endpoint.")
        URI url;
    }

    @picocli.CommandLine.Mixin
    AuthOptions authOptions;

    @picocli.CommandLine.Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Option(names = "--header", paramLabel = "NAME:VALUE", description = "An HTTP header to send (repeatable).")
    List<String> headers = List.of();

    @Option(names = "--sse", description = "The URL is a legacy HTTP+SSE endpoint (MCP 2024-11-05).")
    boolean sse;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable for the stdio server (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the snapshot here instead of stdout.")
    Path output;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Limit for connecting and for each request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws McpConnectionException, IOException {
        PrintWriter err = Terminal.err(spec);
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        ConnectOptions options = limitOptions.apply(ConnectOptions.defaults().withConnectTimeout(timeout).withRequestTimeout(timeout));
        ServerTarget server = target();
        authOptions.checkApplies(target.url != null);
        if (target.url != null) {
            try {
                options = authOptions.authorize(target.url, options, err, timeout, new FlowTrace());
            } catch (FlowException e) {
                throw new IOException("could not authorize with the server: " + e.getMessage(), e);
            }
        }
        ServerSnapshot snapshot;
        try (McpConnection connection = McpConnection.open(server, options)) {
            snapshot = connection.snapshot();
        }
        if (output == null) {
            PrintWriter out = Terminal.out(spec);
            out.println(SnapshotJson.toJsonString(snapshot));
            out.flush();
        } else {
            SnapshotJson.write(snapshot, output);
        }
        // Still exit 0: the snapshot holds everything the server did answer, and says what it lacks.
        for (String error : snapshot.listErrors()) err.println("mcp-workbench: warning: " + error);
        err.flush();
        return 0;
    }

    private ServerTarget target() {
        if (target.stdio != null) {
            if (sse || !headers.isEmpty()) throw new IllegalArgumentException("--sse and --header apply to --url only");
            ServerTarget.Stdio parsed = ServerTarget.Stdio.parse(target.stdio);
            return new ServerTarget.Stdio(parsed.command(), parsed.args(), env, null);
        }
        Map<String, String> headerMap = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("A header must look like NAME:VALUE, got \"" + header + "\"");
            headerMap.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return sse ? new ServerTarget.Sse(target.url, headerMap) : new ServerTarget.StreamableHttp(target.url, headerMap);
    }
}
