package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import dev.mcpworkbench.inspector.traffic.Direction;
import dev.mcpworkbench.inspector.traffic.RawMessage;
import dev.mcpworkbench.inspector.traffic.JsonRpcText;
import dev.mcpworkbench.inspector.traffic.TrafficLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a child process: newline-delimited JSON-RPC on stdin/stdout, stderr captured
 * line by line. Closing kills the whole process tree, and on Linux every process that inherited the
 * connection's {@link ProcessTree#MARKER_VARIABLE}, so no orphan is left behind.
 */
final class StdioTransport implements Transport {

    private static final int KEPT_LINES = 3;
    static final int MAX_STDERR_LINE_BYTES = 64 * 1024;

    private final ServerTarget.Stdio target;
    private final TrafficLog traffic;
    private final Deque<String> lastStderr = new ArrayDeque<>();
    private final Deque<String> lastGarbage = new ArrayDeque<>();
    private volatile Process process;
    private volatile boolean closing;
    private volatile boolean sawJsonRpc;
    private volatile McpConnectionException cutOff;
    private final long maxMessageBytes;
    // Inherited by everything the server starts, even daemons re-parented to init: how close() finds them.
    private final String marker = java.util.UUID.randomUUID().toString();
    private Thread stdoutReader;
    private Thread stderrReader;
    private OutputStream stdin;
    private MessageSink sink;

    StdioTransport(ServerTarget.Stdio target, TrafficLog traffic, long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.target = target;
        this.traffic = traffic;
    }

    @Override
    public void start(MessageSink sink) throws McpConnectionException {
        this.sink = sink;
        ProcessBuilder builder = new ProcessBuilder(target.commandLine());
        builder.environment().putAll(target.env());
        builder.environment().put(ProcessTree.MARKER_VARIABLE, marker);
        if (target.workingDir() != null) builder.directory(target.workingDir().toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw startFailure(e);
        }
        stdin = process.getOutputStream();
        traffic.recordLifecycle("Started " + target.describe() + " (pid " + process.pid() + ")");
        // stderr first: when the process dies at once, the stdout reader reports the exit and waits for
        // the stderr reader to quote its last line, which it cannot do before that thread exists.
        stderrReader = Thread.ofPlatform().daemon().name("mcp-stdio-err-" + process.pid()).start(this::readStderr);
        stdoutReader = Thread.ofPlatform().daemon().name("mcp-stdio-out-" + process.pid()).start(this::readStdout);
    }

    private McpConnectionException startFailure(IOException e) {
        String why = String.valueOf(e.getMessage());
        if (target.workingDir() != null && !target.workingDir().toFile().isDirectory()) {
            return new McpConnectionException(Kind.COMMAND_NOT_FOUND, "Working directory not found: " + target.workingDir(), e);
        }
        if (why.contains("error=2,") || why.contains("No such file")) {
            return new McpConnectionException(Kind.COMMAND_NOT_FOUND, "Command not found: " + target.command(), e);
        }
        if (why.contains("error=13,") || why.contains("Permission denied")) {
            return new McpConnectionException(Kind.COMMAND_NOT_FOUND, "Cannot execute " + target.command() + ": permission denied", e);
        }
        return new McpConnectionException(Kind.COMMAND_NOT_FOUND, "Cannot start " + target.command() + ": " + why, e);
    }

    private void readStdout() {
        try (BoundedLineReader reader = new BoundedLineReader(process.getInputStream(), maxMessageBytes, false, "a line")) {
            byte[] line;
            while ((line = reader.readLineBytes()) != null) {
                if (isBlank(line)) continue;
                // the bytes are parsed in place and the log keeps them as they are: no String of the message
                JsonNode parsed = JsonRpcText.parseOrNull(line);
                traffic.recordMessage(Direction.SERVER_TO_CLIENT, line, parsed, null);
                if (parsed != null && (parsed.isObject() || parsed.isArray())) {
                    sawJsonRpc = true;
                    sink.onMessage(parsed, line);
                } else {
                    keep(lastGarbage, RawMessage.ofUtf8(line).head(GARBAGE_QUOTE_BYTES));
                }
            }
        } catch (MessageTooLargeException e) {
            // An endless line: stop the server rather than read on; the error names the limit.
            cutOff = e.toConnectionException();
            traffic.recordLifecycle(e.getMessage());
            ProcessTree.kill(process.toHandle(), marker);
        } catch (IOException e) {
            // The pipe broke: the process is gone or being killed; reported below.
        }
        reportExit();
    }

    private void readStderr() {
        // Lines past the limit are cut, not refused: stderr only explains, and must not exhaust memory either.
        try (BoundedLineReader reader = new BoundedLineReader(process.getErrorStream(), MAX_STDERR_LINE_BYTES, true, "a stderr line")) {
            String line;
            while ((line = reader.readLine()) != null) {
                traffic.recordStderr(line);
                keep(lastStderr, line);
            }
        } catch (IOException e) {
            // Stream closed on exit.
        }
    }

    private void reportExit() {
        Process p = process;
        Integer code = null;
        try {
            if (p.waitFor(2, TimeUnit.SECONDS)) code = p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain(stderrReader); // its last lines explain the exit
        traffic.recordLifecycle("Server process " + p.pid() + (code == null ? " closed its output" : " exited with code " + code));
        if (closing) {
            sink.onClosed(null);
            return;
        }
        if (cutOff != null) {
            sink.onClosed(cutOff);
            return;
        }
        String message = (code == null ? "The server closed its output" : "The server exited with code " + code) + detail();
        sink.onClosed(new McpConnectionException(Kind.PROCESS_EXITED, message));
    }

    private String detail() {
        String garbage = lastOf(lastGarbage);
        if (!garbage.isEmpty() && !sawJsonRpc) return "; it printed non-JSON-RPC output: " + quote(garbage);
        String stderr = lastOf(lastStderr);
        return stderr.isEmpty() ? "" : "; stderr: " + quote(stderr);
    }

    @Override
    public String diagnosis() {
        String garbage = lastOf(lastGarbage);
        if (!garbage.isEmpty()) {
            return "it printed output that is not JSON-RPC: " + quote(garbage) + (sawJsonRpc ? "" : " (is this an MCP stdio server?)");
        }
        String stderr = lastOf(lastStderr);
        return stderr.isEmpty() ? "" : "last stderr line: " + quote(stderr);
    }

    @Override
    public void send(JsonNode message) {
        String text = JsonWriting.compact(message);
        try {
            synchronized (this) {
                traffic.recordMessage(Direction.CLIENT_TO_SERVER, text, message, null);
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            sink.onSendFailed(message, writeFailure(e));
        }
    }

    /** A write fails when the process is gone: say how it ended rather than "broken pipe". */
    private McpConnectionException writeFailure(IOException e) {
        Process p = process;
        try {
            if (p.waitFor(1, TimeUnit.SECONDS)) {
                drain(stdoutReader);
                drain(stderrReader);
                return new McpConnectionException(Kind.PROCESS_EXITED, "The server exited with code " + p.exitValue() + detail(), e);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        return new McpConnectionException(Kind.CLOSED, "Cannot write to the server: its input is closed" + detail(), e);
    }

    /** Lets a reader finish what the exited process left in its pipe, so error messages can quote it. */
    private static void drain(Thread reader) {
        if (reader == null || reader == Thread.currentThread()) return;
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing = true;
        Process p = process;
        if (p == null) return;
        try {
            synchronized (this) {
                stdin.close();
            }
        } catch (IOException e) {
            // Already closed.
        }
        ProcessTree.kill(p.toHandle(), marker);
    }

    /** The server process, for tests and diagnostics. */
    ProcessHandle processHandle() {
        Process p = process;
        return p == null ? null : p.toHandle();
    }

    /** How much of a line that is not JSON-RPC is kept to quote in an error. */
    private static final int GARBAGE_QUOTE_BYTES = 4 * 1024;

    private static boolean isBlank(byte[] line) {
        for (byte b : line) if (b != ' ' && b != '\t' && b != '\f' && b != 0x0B) return false;
        return true;
    }

    private static void keep(Deque<String> lines, String line) {
        synchronized (lines) {
            lines.addLast(line);
            while (lines.size() > KEPT_LINES) lines.removeFirst();
        }
    }

    private static String lastOf(Deque<String> lines) {
        synchronized (lines) {
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    private static String quote(String line) {
        String one = line.strip();
        return "\"" + (one.length() > 120 ? one.substring(0, 120) + "…" : one) + "\"";
    }
}
