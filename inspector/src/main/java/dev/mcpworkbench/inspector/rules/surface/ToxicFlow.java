package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.Vocabulary;
import dev.mcpworkbench.inspector.rules.text.VerbAndNouns;
import dev.mcpworkbench.inspector.rules.text.Words;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SURFACE-006: the lethal trifecta. Untrusted content (U) can instruct the agent, private data (P)
 * gives it something worth stealing, a sink (S) lets it send the data out.
 */
public final class ToxicFlow implements SurveyingRule<Set<ToxicFlow.Label>> {

    public static final RuleMetadata META = RuleSupport.meta("SURFACE-006", "Toxic flow (lethal trifecta)", Category.SURFACE,
            Severity.HIGH, List.of("MCP06"),
            "When one agent can read attacker-controlled content, read private data and send data out, a single injected instruction exfiltrates the data.");

    public enum Label { UNTRUSTED, PRIVATE, SINK }

    private static final Pattern UNTRUSTED_NAME = Words.anyOf("fetch", "browse", "scrape", "crawl", "web", "url", "issues?",
            "emails?", "mail", "inbox", "comments?", "messages?", "tweets?", "posts?", "rss", "webpage", "html", "history",
            "replies", "threads?", "chats?", "conversations?");
    private static final Pattern PRIVATE_NAME = Words.anyOf("env", "environment", "secrets?", "credentials?", "files?",
            "emails?", "inbox", "messages?", "contacts?", "calendar", "notes?", "database", "db", "sql", "query", "repos?",
            "repository", "documents?", "drive", "private", "passwords?", "(?:api|ssh|private|secret|access) keys?", "accounts?",
            "customers?", "users?", "payments?");
    private static final Pattern SINK_NAME = Words.anyOf("send", "post", "comment", "push", "publish", "upload", "reply",
            "share", "tweet", "email", "notify", "webhook", "forward", "create (?:issue|pull request|pr|comment|message|post|gist)");

    private static final Pattern OWN_CHANNEL = Words.anyOf("queues?", "sqs", "sns", "topics?", "kafka", "pubsub", "event ?bridge");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public Set<Label> survey(ToolView tool, ScanSubject s) {
        return labelsOf(tool);
    }

    @Override
    public List<Finding> conclude(List<Set<Label>> labels, ScanSubject s) {
        Map<Label, List<String>> here = new EnumMap<>(Label.class);
        for (int i = 0; i < labels.size(); i++) {
            for (Label label : labels.get(i)) add(here, label, s.tools().get(i).name());
        }
        if (here.size() == 3) {
            return List.of(RuleSupport.finding(META, Severity.HIGH,
                    "This server alone has untrusted input, private data and an outbound sink",
                    Location.server(), describe(here), FIX));
        }
        if (here.isEmpty() || s.context().otherServers().isEmpty()) return List.of();
        // every server with a leg sees the same flow: named and ordered alike from each side, the
        // finding is one fact about the workspace, kept once when the servers are judged together
        Map<Label, List<String>> workspace = new EnumMap<>(Label.class);
        List<ServerSnapshot> all = new ArrayList<>(s.context().otherServers());
        all.add(s.snapshot());
        for (ServerSnapshot server : all) {
            for (ToolView tool : views(server)) {
                for (Label label : labelsOf(tool)) add(workspace, label, server.serverName() + "/" + tool.name());
            }
        }
        if (workspace.size() < 3) return List.of();
        workspace.values().forEach(Collections::sort);
        return List.of(RuleSupport.finding(META, Severity.MEDIUM,
                "Together with the other connected servers, the workspace has untrusted input, private data and an outbound sink",
                Location.server(), describe(workspace), FIX).withScope(Finding.Scope.WORKSPACE));
    }

    private static final String FIX = "Remove one leg: keep untrusted-content tools and outbound sinks in separate sessions, "
            + "require user confirmation for sinks, or mark untrusted tools openWorld so clients can isolate them.";

    private static List<ToolView> views(ServerSnapshot snapshot) {
        List<ToolView> views = new ArrayList<>();
        for (int i = 0; i < snapshot.tools().size(); i++) views.add(new ToolView(snapshot.tools().get(i), i));
        return views;
    }

    private static Set<Label> labelsOf(ToolView tool) {
        Set<Label> labels = EnumSet.noneOf(Label.class);
        String words = tool.nameText();
        boolean reads = !changesState(tool);
        if (tool.openWorld() && ((reads && Words.contains(words, UNTRUSTED_NAME)) || Capabilities.fetchesAnyUrl(tool))) {
            labels.add(Label.UNTRUSTED);
        }
        if (reads && Words.contains(words, PRIVATE_NAME) && !Words.contains(words, SINK_NAME)) labels.add(Label.PRIVATE);
        // a message to the account's own queue or topic stays in the account: not a way out
        if (!tool.readOnly() && Words.contains(words, SINK_NAME) && !Words.contains(words, OWN_CHANNEL)) labels.add(Label.SINK);
        return labels;
    }

    /**
     * A tool named for creating, changing or deleting (create_repository, add_issue_comment) hands the
     * agent neither private data nor someone else's text to read: it can only be a sink.
     */
    private static boolean changesState(ToolView tool) {
        String verb = leadingVerb(tool.nameWords());
        Vocabulary.Crud crud = Vocabulary.CRUD_VERBS.get(verb);
        return (crud != null && crud != Vocabulary.Crud.READ) || Vocabulary.MUTATING_VERBS.contains(verb);
    }

    /** The verb of slack_post_message, API-get-user or message_send, read by the shared {@link VerbAndNouns}. */
    private static String leadingVerb(List<String> words) {
        return VerbAndNouns.of(words).verb();
    }

    private static void add(Map<Label, List<String>> out, Label label, String tool) {
        out.computeIfAbsent(label, k -> new ArrayList<>()).add(tool);
    }

    private static String describe(Map<Label, List<String>> labels) {
        StringBuilder b = new StringBuilder();
        labels.forEach((k, v) -> b.append(k.name().toLowerCase(java.util.Locale.ROOT)).append(": ")
                .append(RuleSupport.list(v, 6)).append('\n'));
        return b.toString().trim();
    }
}
