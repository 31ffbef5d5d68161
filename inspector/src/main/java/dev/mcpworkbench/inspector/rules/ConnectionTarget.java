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

    /**
     * Reached over HTTP at a host other than this machine: its tools act on the service's side, so
     * a "folder" or "path" it names lives there, not on this machine's disk.
     */
    public boolean isRemote() {
        if (isStdio() || url == null || url.isBlank()) return false;
        try {
            return !isLoopback(java.net.URI.create(url.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Loopback by literal only: resolving a name here would make a static rule do network I/O. */
    public static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")) return true;
        if (h.matches("127(\\.\\d{1,3}){3}")) return true;
        try {
            return h.matches("[0-9a-f:]+") && h.contains(":") && java.net.InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
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
