package dev.mcpworkbench.inspector.connect;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What to connect to: a local process over stdio, or a URL over Streamable HTTP or legacy SSE. */
public sealed interface ServerTarget {

    /** A short human description (command line or URL), with secrets masked by the caller if shown. */
    String describe();

    /**
     * A server started as a child process speaking newline-delimited JSON-RPC on stdin/stdout.
     *
     * @param command    the executable (looked up on PATH when it has no slash)
     * @param args       its arguments
     * @param env        variables added to (or overriding) the workbench's own environment
     * @param workingDir the directory to start it in, or null for the workbench's own
     */
    record Stdio(String command, List<String> args, Map<String, String> env, Path workingDir) implements ServerTarget {
        public Stdio {
            if (command == null || command.isBlank()) throw new IllegalArgumentException("The command is empty");
            args = List.copyOf(args == null ? List.of() : args);
            env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env == null ? Map.of() : env));
        }

        /** Parses a command line such as {@code npx -y "@scope/server" --flag 'a b'} (shell-style quotes, no expansion). */
        public static Stdio parse(String commandLine) {
            List<String> words = CommandLineWords.split(commandLine);
            if (words.isEmpty()) throw new IllegalArgumentException("The command is empty");
            return new Stdio(words.get(0), words.subList(1, words.size()), Map.of(), null);
        }

        public List<String> commandLine() {
            List<String> all = new ArrayList<>(args.size() + 1);
            all.add(command);
            all.addAll(args);
            return all;
        }

        @Override
        public String describe() {
            return CommandLineWords.join(commandLine());
        }
    }

    /** A Streamable HTTP endpoint (MCP 2025-03-26 and later); {@code headers} are sent with every request. */
    record StreamableHttp(URI url, Map<String, String> headers) implements ServerTarget {
        public StreamableHttp {
            HttpTargets.checkUrl(url);
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        }

        @Override
        public String describe() {
            return url.toString();
        }
    }

    /** A legacy HTTP+SSE endpoint (MCP 2024-11-05): {@code url} is the SSE stream, e.g. {@code http://host/sse}. */
    record Sse(URI url, Map<String, String> headers) implements ServerTarget {
        public Sse {
            HttpTargets.checkUrl(url);
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        }

        @Override
        public String describe() {
            return url.toString() + " (SSE)";
        }
    }
}
