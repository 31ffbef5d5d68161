package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.ToolView;
import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.VerbAndNouns;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Judges which high-risk capability classes a tool has, from its name, parameters and description. */
public final class Capabilities {

    public enum Capability {
        SHELL("shell or command execution"),
        CODE_EVAL("code evaluation"),
        URL_FETCH("arbitrary URL fetch"),
        FILESYSTEM_WRITE("filesystem write"),
        DATABASE_QUERY("raw database query");

        private final String label;

        Capability(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Set<String> SHELL_NAME_WORDS = Set.of("shell", "bash", "exec", "terminal", "powershell",
            "subprocess", "cmd", "zsh", "sh");
    /**
     * Running commands, not mentioning them: "blocked shell commands" in a settings tool and
     * "without starting a shell command" in a file reader are not shells.
     */
    private static final Pattern SHELL_TEXT = Words.anyOf("(?:execute|run)s? (?:a |an |any |arbitrary )?(?:shell|terminal|system|bash) commands?",
            "(?:executes?|runs?|executing|running) (?:the |a |an |any |arbitrary )?(?:\\w+ )?commands? (?:in|on|through|via) (?:a |the )?(?:shell|terminal)",
            "command line in a shell");
    private static final Set<String> CODE_NAME_WORDS = Set.of("eval", "evaluate", "repl", "interpreter");
    private static final Pattern CODE_TEXT = Words.anyOf("(?:execute|run|evaluate)s? (?:arbitrary |the |a )?(?:python|javascript|js|typescript|ruby|lua) (?:code|script|expression)s?",
            "(?:execute|run|evaluate)s? (?:arbitrary )?code");
    private static final Pattern QUERY_LANGUAGE = Words.anyOf("sql", "cypher", "graphql", "sparql", "mongodb query", "select statements?");

    private Capabilities() {
    }

    /** The classes of a tool on a server reached on this machine (stdio, loopback, or a snapshot). */
    public static Set<Capability> of(ToolView tool) {
        return of(tool, false);
    }

    /**
     * @param remoteServer the server is reached over the network ({@link dev.mcpworkbench.inspector.rules.ConnectionTarget#isRemote()}):
     *                     a file or folder its tools name without a local path is the service's, not this disk's
     */
    public static Set<Capability> of(ToolView tool, boolean remoteServer) {
        Routers.Router router = Routers.of(tool);
        if (router != null) return ofRouter(tool, router, remoteServer);
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        List<String> words = tool.nameWords();
        String desc = tool.normalizedDescription();
        boolean mentionsShell = desc.contains("command") || desc.contains("shell");
        boolean mentionsCode = desc.contains("code") || desc.contains("script") || desc.contains("expression");
        if (anyIn(words, SHELL_NAME_WORDS) || (mentionsShell && Words.contains(desc, SHELL_TEXT)) || hasShellParameter(tool)) {
            caps.add(Capability.SHELL);
        }
        if (anyIn(words, CODE_NAME_WORDS) || (mentionsCode && Words.contains(desc, CODE_TEXT))
                || (words.contains("code") && (words.contains("run") || words.contains("execute")))) {
            caps.add(Capability.CODE_EVAL);
        }
        if (fetchesAnyUrl(tool)) {
            caps.add(Capability.URL_FETCH);
        }
        if (writesToPath(tool) || FilePlaces.namesFileWrite(words) && writesLocalFiles(tool, remoteServer)) {
            caps.add(Capability.FILESYSTEM_WRITE);
        }
        if (isDatabaseQuery(tool, words, desc)) caps.add(Capability.DATABASE_QUERY);
        return caps;
    }

    private static final Set<String> SHELL_OP_WORDS = Set.of("shell", "bash", "exec", "terminal", "powershell", "cmd", "sh", "zsh");
    private static final Set<String> QUERY_OP_WORDS = Set.of("sql", "cypher", "query", "statement", "statements", "raw", "sparql");

    /**
     * A router is judged by its sub-operations, not by the words around its selector: "runs git
     * commands" over an enum of git sub-commands is no shell, and a router that only names a
     * database in its own name holds raw query power only where a sub-operation runs queries.
     */
    private static Set<Capability> ofRouter(ToolView tool, Routers.Router router, boolean remoteServer) {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        for (String op : router.operations()) {
            List<String> words = Identifiers.words(op);
            if (anyIn(words, SHELL_OP_WORDS) || words.equals(List.of("run", "command"))) caps.add(Capability.SHELL);
            if (anyIn(words, CODE_NAME_WORDS) || (words.contains("code") || words.contains("script")) && (words.contains("run") || words.contains("execute"))) {
                caps.add(Capability.CODE_EVAL);
            }
            if (anyIn(words, QUERY_OP_WORDS) || words.equals(List.of("execute"))) caps.add(Capability.DATABASE_QUERY);
            if (FilePlaces.FS_VERBS.contains(VerbAndNouns.of(words).verb()) && (anyIn(words, FilePlaces.FS_NOUNS) || anyIn(tool.nameWords(), FilePlaces.FS_NOUNS))
                    && writesLocalFiles(tool, remoteServer)) caps.add(Capability.FILESYSTEM_WRITE);
        }
        if (fetchesAnyUrl(tool)) caps.add(Capability.URL_FETCH);
        if (writesToPath(tool)) caps.add(Capability.FILESYSTEM_WRITE);
        if (hasProgramTextParameter(tool)) caps.add(Capability.DATABASE_QUERY);
        return caps;
    }

    // Loops, not streams: every rule that judges capabilities asks this of every tool on each scan.
    private static boolean anyIn(List<String> words, Set<String> set) {
        for (String w : words) if (set.contains(w)) return true;
        return false;
    }

    private static boolean hasShellParameter(ToolView tool) {
        for (SchemaNode p : tool.parameters()) if (isShellParameter(p) && !Routers.isSelector(p, tool)) return true;
        return false;
    }

    /** {@link Capability#URL_FETCH} alone: an open-world tool that takes any URL it opens. */
    public static boolean fetchesAnyUrl(ToolView tool) {
        if (!tool.openWorld()) return false;
        for (SchemaNode p : tool.parameters()) if (UrlsAndPaths.isFetchedUrl(p, tool) && !p.hasAllowlist()) return true;
        return false;
    }

    /** A parameter the tool writes files to, whatever its verb ("download" to {@code savePath}, "run" in {@code workdir}). */
    private static boolean writesToPath(ToolView tool) {
        for (SchemaNode p : tool.parameters()) if (FilePlaces.isWrittenPlace(p, tool)) return true;
        return false;
    }

    /**
     * A tool whose name writes files or folders writes this machine's disk only when nothing places
     * them in a remote store and the tool is told where on disk: a folder made from a workspace id
     * and a name ("a folder in your vault", "in the media storage") is a record of a service.
     */
    private static boolean writesLocalFiles(ToolView tool, boolean remoteServer) {
        return !FilePlaces.inRemoteStore(tool) && FilePlaces.takesLocalPlace(tool, remoteServer);
    }

    private static boolean isShellParameter(SchemaNode p) {
        String name = Identifiers.squashed(p.propertyName());
        return (name.equals("command") || name.equals("cmd") || name.equals("shellcommand") || name.equals("commandline"))
                && !p.hasAllowlist();
    }

    /** Text a parameter's description says is SQL or another query language to run: {@code statements}, {@code migration_sql}. */
    private static final Pattern HOLDS_SQL = Words.anyOf("sql (?:statements?|quer(?:y|ies)|commands?|scripts?|code|text|to (?:run|execute|apply))",
            "(?:ddl|dml) (?:statements?|to (?:run|execute|apply))", "cypher (?:statements?|quer(?:y|ies))", "(?:raw|arbitrary) sql");

    /** True when a string (or string-array) parameter is named for SQL ({@code migration_sql}) or described as holding it. */
    public static boolean holdsSql(SchemaNode p) {
        if (p.hasAllowlist()) return false;
        List<String> words = Identifiers.words(p.propertyName());
        boolean named = !words.isEmpty() && (words.get(words.size() - 1).equals("sql") || words.get(words.size() - 1).equals("cypher"));
        String desc = p.description();
        return named || (!desc.isEmpty() && Words.contains(dev.mcpworkbench.inspector.rules.text.Texts.normalize(desc), HOLDS_SQL));
    }

    private static boolean hasProgramTextParameter(ToolView tool) {
        for (SchemaNode p : tool.parameters()) {
            if ((p.hasType("string") || p.hasType("array") || p.types().isEmpty()) && holdsSql(p)) return true;
        }
        return false;
    }

    private static boolean isDatabaseQuery(ToolView tool, List<String> words, String desc) {
        if (words.contains("sql") || words.contains("cypher")) return true;
        if (hasProgramTextParameter(tool)) return true;
        for (SchemaNode p : tool.parameters()) {
            String name = Identifiers.squashed(p.propertyName());
            if (name.equals("sql") || name.equals("cypher")) return true;
            if ((name.equals("query") || name.equals("statement"))
                    && (Words.contains(dev.mcpworkbench.inspector.rules.text.Texts.normalize(p.description()), QUERY_LANGUAGE)
                    || Words.contains(desc, QUERY_LANGUAGE))) return true;
        }
        return false;
    }

    /** True when the description names a query language (SCHEMA-004's condition for {@code query}). */
    public static boolean mentionsQueryLanguage(String normalizedText) {
        return Words.contains(normalizedText, QUERY_LANGUAGE);
    }
}
