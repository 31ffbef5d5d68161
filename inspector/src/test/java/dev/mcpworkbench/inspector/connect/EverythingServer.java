package dev.mcpworkbench.inspector.connect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The reference server {@code @modelcontextprotocol/server-everything}, run on the project's Node 22. */
final class EverythingServer {

    private EverythingServer() {
    }

    static Path binDir() {
        Path bin = Path.of(System.getProperty("workbench.root", "."), ".tools", "node", "node_modules", ".bin");
        if (!Files.isExecutable(bin.resolve("mcp-server-everything"))) {
            throw new IllegalStateException("server-everything is missing: run .ci/node-tools.sh (looked in " + bin + ")");
        }
        return bin;
    }

    /** PATH with Node 22 first, so the server's {@code #!/usr/bin/env node} finds it. */
    static Map<String, String> env() {
        return Map.of("PATH", binDir() + java.io.File.pathSeparator + System.getenv("PATH"));
    }

    static ServerTarget.Stdio stdio() {
        return new ServerTarget.Stdio(binDir().resolve("mcp-server-everything").toString(), List.of("stdio"), env(), null);
    }

    /** Starts the Streamable HTTP variant on a free loopback port; close the returned process when done. */
    static Process startHttp(String mode, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(binDir().resolve("mcp-server-everything").toString(), mode);
        builder.environment().putAll(env());
        builder.environment().put("PORT", String.valueOf(port));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("server-everything " + mode + " exited with " + process.exitValue());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        ProcessTree.kill(process.toHandle());
        throw new IllegalStateException("server-everything " + mode + " did not open port " + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
