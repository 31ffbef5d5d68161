package dev.mcpworkbench.inspector.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a server is reached, as the static rules see it: a launch command (stdio) or a URL (HTTP).
 *
 * @param name          the entry name (from a client config) or a label; may be empty
 * @param command       the executable for stdio, or null
 * @param args          its arguments
 * @param env           environment variables set for it
 * @param url           the endpoint for Streamable HTTP / SSE, or null
 * @param headers       HTTP headers sent with every request
 * @param configFile    the client config file it was imported from, or null when typed by the user
 * @param tlsProtocol   the negotiated TLS protocol (e.g. TLSv1.3) when a connection has been made, or null
 */
public record ConnectionTarget(String name, String command, List<String> args, Map<String, String> env,
                               String url, Map<String, String> headers, String configFile, String tlsProtocol) {

    public ConnectionTarget {
        name = name == null ? "" : name;
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ConnectionTarget stdio(String command, List<String> args) {
        return new ConnectionTarget("", command, args, Map.of(), null, Map.of(), null, null);
    }

    public static ConnectionTarget http(String url, Map<String, String> headers) {
        return new ConnectionTarget("", null, List.of(), Map.of(), url, headers, null, null);
    }

    public boolean isStdio() {
        return command != null && !command.isBlank();
    }

    public Optional<String> configFileName() {
        return Optional.ofNullable(configFile);
    }

    public ConnectionTarget withTlsProtocol(String protocol) {
        return new ConnectionTarget(name, command, args, env, url, headers, configFile, protocol);
    }

    /** The command line as a person would type it. */
    public String commandLine() {
        if (!isStdio()) return url == null ? "" : url;
        StringBuilder b = new StringBuilder(command);
        for (String a : args) b.append(' ').append(a.contains(" ") ? "\"" + a + "\"" : a);
        return b.toString();
    }
}
