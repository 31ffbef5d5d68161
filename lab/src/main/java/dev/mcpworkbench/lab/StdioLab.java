package dev.mcpworkbench.lab;

import dev.mcpworkbench.lab.server.Json;
import io.modelcontextprotocol.client.transport.ServerParameters;
import dev.mcpworkbench.lab.server.LabServerFactory;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Serves a lab server over stdio until its input reaches end of file. */
public final class StdioLab {

    private StdioLab() {
    }

    /** Blocks until {@code in} is exhausted (the client closed the pipe), then closes the server. */
    public static void serve(LabServerKind kind, InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch eof = new CountDownLatch(1);
        var transport = new StdioServerTransportProvider(Json.MCP, new EofSignal(in, eof), out);
        McpSyncServer server = LabServerFactory.sessionServer(kind.newCatalog(), transport);
        eof.await();
        server.closeGracefully();
    }

    /**
     * The command line that starts a lab server on stdio in a fresh JVM with the current
     * classpath: what tests and the app hand to the SDK's {@code ServerParameters}.
     */
    public static List<String> command(LabServerKind kind) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(LabMain.class.getName());
        cmd.add("serve");
        cmd.add(kind.cliName());
        cmd.add("--stdio");
        return cmd;
    }

    /** {@link #command} as the SDK's {@code ServerParameters}, ready for {@code new StdioClientTransport(params, mapper)}. */
    public static ServerParameters serverParameters(LabServerKind kind) {
        List<String> cmd = command(kind);
        return ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size())).build();
    }

    /** Counts down a latch when the wrapped stream reports end of file. */
    private static final class EofSignal extends FilterInputStream {
        private final CountDownLatch eof;

        EofSignal(InputStream in, CountDownLatch eof) {
            super(in);
            this.eof = eof;
        }

        @Override
        public int read() throws IOException {
            return signal(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return signal(super.read(b, off, len));
        }

        private int signal(int result) {
            if (result < 0) {
                eof.countDown();
            }
            return result;
        }
    }
}
