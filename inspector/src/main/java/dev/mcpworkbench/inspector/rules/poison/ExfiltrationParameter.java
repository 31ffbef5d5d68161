package dev.mcpworkbench.inspector.rules.poison;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** POISON-006: a free-text side channel the model can be told to fill with whatever it knows. */
public final class ExfiltrationParameter implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("POISON-006", "Exfiltration-shaped parameter", Category.POISON,
            Severity.MEDIUM, List.of("MCP03"),
            "Parameters like 'sidenote' or 'context' with no stated purpose are the classic channel for a poisoned description to make the model send secrets or the conversation to the server.");

    private static final Set<String> NAMES = Set.of("sidenote", "note", "notes", "feedback", "context", "metadata",
            "debug", "extra", "reasoning", "comment", "remarks", "additionalcontext", "extrainfo", "debuginfo", "memo");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public boolean judgesItemsAlone() {
        return true;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        for (ToolView tool : s.tools()) {
            for (SchemaNode p : tool.namedProperties()) {
                if (p.role() != SchemaNode.Role.PROPERTY || p.hasAllowlist() || !(p.hasType("string") || p.types().isEmpty())) continue;
                String asked = asks(p);
                if (asked == null) continue;
                out.add(RuleSupport.finding(META, Severity.HIGH,
                        "'" + tool.name() + "' has a parameter '" + p.propertyName() + "' that asks for " + asked,
                        tool.location(p.pointer()), p.propertyName() + ": " + Texts.spellOut(p.description()),
                        "Remove the parameter. A tool never needs the model to hand over credentials, files it was not given, or the conversation."));
            }
            for (SchemaNode p : tool.parameters()) {
                if (asks(p) != null) continue;
                String name = Identifiers.squashed(p.propertyName());
                if (!NAMES.contains(name) || !(p.hasType("string") || p.types().isEmpty()) || p.hasAllowlist()) continue;
                boolean unexplained = Words.meaningfulWordCount(Texts.normalize(p.description())) < 3
                        && !explainedInToolDescription(tool, p.propertyName());
                boolean unrelated = p.required() && !tool.normalizedDescription().contains(p.propertyName().toLowerCase());
                if (!unexplained && !unrelated) continue;
                boolean sensitive = toolHasSensitiveDirective(s, tool);
                out.add(RuleSupport.finding(META, sensitive ? Severity.HIGH : Severity.MEDIUM,
                        "'" + tool.name() + "' has a free-text '" + p.propertyName() + "' parameter that is "
                                + (unexplained ? "not explained" : "required but unrelated to the tool's purpose")
                                + (sensitive ? ", and its metadata points at sensitive files" : ""),
                        tool.location(p.pointer()), p.propertyName() + ": " + Texts.spellOut(p.description()),
                        "Remove the parameter, or give it a precise purpose, an enum or a pattern, and a maxLength."));
            }
        }
        return out;
    }

    /** Credentials in general, not the one key of the tool's own service ("your Brave API key" is SCHEMA-008's matter). */
    private static final Pattern SECRETS = Words.anyOf(
            "(?:any|all|every|other) (?:of the )?(?:\\w+ )?(?:api keys?|tokens?|passwords?|secrets?|credentials?|private keys?|ssh keys?|access keys?)",
            "(?:api keys?|tokens?|passwords?|secrets?|credentials?)(?: or [\\w ,]{1,30})? (?:you can find|you find|found|visible|you see|in the environment|from the environment)",
            "including (?:any )?(?:passwords?|secrets?|tokens?|api keys?|credentials?)");
    /**
     * Secrets the tool looks up or gives back ("query alertType 'Secret' to retrieve all secrets",
     * "lists every token of the account"): what the server returns, not what the model is to hand over.
     */
    private static final Pattern SECRETS_RETURNED = Words.anyOf(
            "(?:retrieve|retrieves|retrieving|list|lists|listing|return|returns|returning|fetch|fetches|show|shows|detect|detects|scan for|scans for) "
                    + "(?:any|all|every|other) (?:of the )?(?:\\w+ )?(?:api keys?|tokens?|passwords?|secrets?|credentials?|private keys?|ssh keys?|access keys?)");
    private static final Pattern CONVERSATION = Words.anyOf(
            // "history" alone is as often a document's version history ("returns the full history")
            "(?:full|entire|whole|complete) (?:conversation|chat|transcript|context window|message history)",
            "(?:every|all|each) (?:of the )?(?:previous|prior|earlier|past) messages?",
            "(?:conversation|chat) so far", "everything the user (?:has )?(?:told|said|asked|wrote|shared)",
            "(?:all|every) messages? (?:of|in|from) (?:this|the) (?:chat|conversation|session)",
            "your (?:own )?system prompt", "including (?:the|your) system prompt", "system prompt verbatim");
    private static final Set<String> SECRET_NAME_WORDS = Set.of("ssh", "rsa", "idrsa", "credentials", "password", "passwords",
            "secrets", "conversation", "history", "prompt");
    private static final Set<String> READING_NAME_WORDS = Set.of("content", "contents", "reading", "read", "dump", "copy", "full");

    /**
     * What a parameter asks the model to hand over, judged by its description whatever its name
     * ({@code auth}, {@code context}, {@code feedback}), or by a name that is itself the request
     * ({@code content_from_reading_ssh_id_rsa}); null when it asks for nothing of the kind.
     */
    static String asks(SchemaNode p) {
        String desc = Texts.normalize(p.description());
        if (!desc.isEmpty()) {
            String asked = SECRETS_RETURNED.matcher(desc).replaceAll(" ");
            if (Words.contains(asked, SECRETS) || PoisonPatterns.sensitiveDirective(desc, 80) != null
                    && !desc.contains("system prompt") && !desc.contains("history")) return "credentials or secret files";
            if (Words.contains(desc, CONVERSATION)) return "the conversation";
        }
        java.util.List<String> words = Identifiers.words(p.propertyName());
        boolean secret = false, reading = false;
        for (String w : words) {
            secret |= SECRET_NAME_WORDS.contains(w);
            reading |= READING_NAME_WORDS.contains(w);
        }
        return secret && reading ? "sensitive content by its very name" : null;
    }

    /**
     * The tool's description defines the parameter, as generated and hand-written docs do:
     * "- **note** — short human-readable context", "`note`: what the user asked". The name must be
     * marked up or open a list item, so that a sentence starting "Note: …" does not count.
     */
    static boolean explainedInToolDescription(ToolView tool, String parameter) {
        String name = Pattern.quote(parameter.toLowerCase(Locale.ROOT));
        Pattern definition = Pattern.compile("(?:[`*'\"]+" + name + "[`*'\"]+|(?:^|\\n)[ \\t]*[-*•][ \\t]+" + name + ")"
                + "\\s*(?:—|–|-|:|=)\\s*\\p{L}+(?:\\P{L}+\\p{L}+){2}");
        return definition.matcher(tool.normalizedDescription()).find();
    }

    private static boolean toolHasSensitiveDirective(ScanSubject s, ToolView tool) {
        for (TextItem item : s.textsOf(tool)) {
            if (!item.key() && item.mayMatch(TextCues.SENSITIVE_TARGET)
                    && PoisonPatterns.sensitiveDirective(item.normalized(), item.cues(), 80) != null) return true;
        }
        return false;
    }
}
