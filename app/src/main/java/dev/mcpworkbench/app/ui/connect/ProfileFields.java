package dev.mcpworkbench.app.ui.connect;

import java.util.List;
import java.util.Map;

/**
 * A saved connection as the sidebar and the profile dialog edit it.
 *
 * @param kind    STDIO (command, args, env, working dir), HTTP (Streamable HTTP: url, headers) or SSE (url, headers)
 * @param roots   the roots the workbench answers roots/list with for this server (file:// URIs)
 */
public record ProfileFields(String name, Kind kind, String command, List<String> args, Map<String, String> env,
                            String workingDir, String url, Map<String, String> headers, List<String> roots) {

    public enum Kind {
        STDIO("stdio"), HTTP("Streamable HTTP"), SSE("SSE");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ProfileFields {
        name = name == null ? "" : name;
        command = command == null ? "" : command;
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        workingDir = workingDir == null ? "" : workingDir;
        url = url == null ? "" : url;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        roots = roots == null ? List.of() : List.copyOf(roots);
    }

    /** A Streamable HTTP connection to {@code url} with nothing else set (the lab's, a typed URL's). */
    public static ProfileFields http(String name, java.net.URI url) {
        return new ProfileFields(name, Kind.HTTP, "", List.of(), Map.of(), "", url.toString(), Map.of(), List.of());
    }

    /** What the sidebar shows under the name: the command line or the URL. */
    public String target() {
        return kind == Kind.STDIO ? (command + " " + String.join(" ", args)).strip() : url;
    }
}
