package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.lab.LabCli;
import dev.mcpworkbench.lab.LabServerKind;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.StdioLab;
import dev.mcpworkbench.lab.auth.DPoPPolicy;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcp-workbench lab}: the demo servers and authorization server of the lab module. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run the lab's demo MCP servers (flawed and secure) and its loopback authorization server.",
        subcommands = {LabCommand.ListCommand.class, LabCommand.ServeCommand.class})
public final class LabCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the lab servers and the authorization server misbehaviours.")
    static final class ListCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            LabCli.printList(System.out);
            return 0;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Run a lab server until stopped (Ctrl-C; for --stdio, end of input).",
                "With --http the first line on stdout is the MCP URL; with --auth the second is the issuer."})
    static final class ServeCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "SERVER", description = "flawed or secure")
        String server;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Transport transport;

        static final class Transport {
            @Option(names = "--stdio", description = "Serve MCP over stdin/stdout.")
            boolean stdio;

            @Option(names = "--http", description = "Serve MCP over Streamable HTTP on 127.0.0.1.")
            boolean http;
        }

        @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: a free one).")
        int port;

        @Option(names = "--auth", description = "Protect the server with the lab authorization server.")
        boolean auth;

        @Option(names = "--as-option", paramLabel = "NAME", description = "Turn on an authorization server misbehaviour (repeatable; see lab list).")
        List<String> asOptions = new ArrayList<>();

        @Option(names = "--dpop", paramLabel = "optional|required|nonce", description = "How the lab treats DPoP (RFC 9449): "
                + "optional (default: bound when the client sends a proof), required (DPoP-bound tokens only), nonce (required, "
                + "and both servers demand a DPoP nonce). Needs --auth.")
        String dpop;

        @Option(names = "--auto-approve", description = "Approve authorization requests without showing the consent page.")
        boolean autoApprove;

        @Option(names = "--issuer-path", paramLabel = "/PATH", description = "Give the issuer a path, e.g. /tenant1.")
        String issuerPath;

        @Override
        public Integer call() throws Exception {
            LabServerKind kind = LabServerKind.parse(server);
            if (transport.stdio) {
                if (auth || !asOptions.isEmpty() || dpop != null || port != 0) {
                    throw new IllegalArgumentException("--auth, --as-option and --port apply to --http only");
                }
                StdioLab.serve(kind, System.in, System.out);
                return 0;
            }
            LabCli.serveHttp(spec(kind), System.out);
            new CountDownLatch(1).await();
            return 0;
        }

        LabSpec spec(LabServerKind kind) {
            LabSpec spec = LabSpec.of(kind).withPort(port);
            if (auth) {
                spec = spec.withAuth();
            }
            if (autoApprove) {
                spec = spec.withAutoApprove();
            }
            if (issuerPath != null) {
                spec = spec.withIssuerPath(issuerPath);
            }
            if (dpop != null) {
                if (!auth) {
                    throw new IllegalArgumentException("--dpop needs --auth");
                }
                spec = spec.withDPoP(DPoPPolicy.parse(dpop));
            }
            if (!asOptions.isEmpty()) {
                if (!auth) {
                    throw new IllegalArgumentException("--as-option needs --auth");
                }
                spec = spec.withMisbehaviours(asOptions.stream().map(Misbehaviour::parse).toArray(Misbehaviour[]::new));
            }
            return spec;
        }
    }
}
