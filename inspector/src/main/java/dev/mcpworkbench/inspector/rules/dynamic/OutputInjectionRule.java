package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.text.Normalizer;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POISON-007: instructions aimed at the model inside tool outputs (results, errors, resource
 * contents): pseudo-tags, hidden characters, override and concealment phrases, directives at
 * sensitive files, cross-tool steering, ANSI escapes, and markdown images or links that would
 * carry data out in a query string.
 */
public final class OutputInjectionRule implements StringRule {

    private static final RuleMetadata METADATA = new RuleMetadata("POISON-007", "Injection in outputs", Category.POISON,
            Severity.HIGH, List.of("MCP06"),
            "Tool outputs are read by the model with the same authority as the user's words. Text in a result that "
                    + "addresses the model (hidden or not) can redirect the agent, exfiltrate data through a rendered "
                    + "image URL, or hide from the human reviewer.",
            true);

    /** {@code anchors}: literals one of which every match contains (see {@link Anchors}). */
    private record Signal(String label, Pattern pattern, Anchors.Literals anchors) {
    }

    private static final String SENSITIVE = "(?:~/\\.ssh|id_rsa|id_ed25519|\\.env\\b|mcp\\.json|\\.aws/credentials|/etc/passwd|conversation history|system prompt)";
    private static final String VERB = "(?:read|cat|include|pass|send|upload|open|print|post)";

    private static final List<Signal> SIGNALS = List.of(
            new Signal("Pseudo-tag addressing the model", Pattern.compile(
                    "(?i)<\\s*/?\\s*(?:important|system|instructions?|secret|admin|assistant)\\s*>|\\[\\s*system\\s+override\\s*]|<!--.*?-->", Pattern.DOTALL),
                    Anchors.Literals.exact("<", "[")),
            new Signal("Override or concealment phrase", Pattern.compile(
                    "(?i)\\b(?:ignore|disregard|forget)\\s+(?:all\\s+|any\\s+|the\\s+)?(?:previous|prior|above|earlier|preceding)\\s+(?:instructions|prompts?|rules|messages)"
                            + "|\\bdo\\s+not\\s+(?:tell|mention|reveal|inform|show)\\b[^.\\n]{0,40}\\buser\\b|\\bhide\\s+this\\b"),
                    // "not" rather than "do": "do" is in every "dog"
                    Anchors.Literals.ignoringCase("ignore", "disregard", "forget", "not", "hide")),
            new Signal("Directive at a sensitive target", Pattern.compile(
                    "(?i)\\b" + VERB + "\\b[^\\n]{0,80}" + SENSITIVE + "|" + SENSITIVE + "[^\\n]{0,80}\\b" + VERB + "\\b"),
                    Anchors.Literals.ignoringCase("~/.ssh", "id_rsa", "id_ed25519", ".env", "mcp.json", ".aws/credentials",
                            "/etc/passwd", "conversation history", "system prompt")),
            new Signal("Cross-tool steering", Pattern.compile(
                    "(?i)\\b(?:before|after|instead\\s+of)\\s+(?:using|calling)\\s+(?:any\\s+)?other\\s+tools?\\b|\\bwhen\\s+\\w+\\s+is\\s+called,\\s+also\\b"),
                    Anchors.Literals.ignoringCase("other", "called,")),
            new Signal("ANSI escape sequence", Pattern.compile("\\u001B\\[[0-9;?]*[ -/]*[@-~]|\\u001B\\][^\\u0007]*\\u0007"),
                    // searched in the raw text; the anchors read the stripped, normalized one, which keeps ESC
                    Anchors.Literals.exact("\u001B")),
            new Signal("Markdown image or link to an outside host with a query string", Pattern.compile(
                    "!?\\[[^\\]\\n]{0,200}]\\(\\s*https?://(?!(?:localhost|127\\.0\\.0\\.1)[:/])[^)\\s]+\\?[^)\\s]+\\)"),
                    Anchors.Literals.exact("](")));

    static final RuleSetting MAX_FINDINGS = RuleSetting.of("maxFindings", 20, "findings reported per response at most");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MAX_FINDINGS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Pass start(ToolExchange ex, RuleSettings settings) {
        return new TextMatchPass(SIGNALS.stream().map(Signal::pattern).toList(), SIGNALS.stream().map(Signal::anchors).toList(), settings.integer(id(), MAX_FINDINGS)) {
            @Override
            void scan(CharSequence raw, Supplier<String> pointer) {
                String hidden = HiddenText.describe(raw);
                if (!hidden.isEmpty()) injection(ex, this, "Hidden characters", pointer.get(), hidden);
                // nothing hidden: nothing to strip, and no copy of the string
                CharSequence text = nfkc(hidden.isEmpty() ? raw : HiddenText.strip(raw));
                long candidates = candidates(text);
                for (int i = 0; i < SIGNALS.size(); i++) {
                    if ((candidates & 1L << i) == 0) continue;
                    Signal s = SIGNALS.get(i);
                    CharSequence src = s.label().startsWith("ANSI") ? raw : text;
                    Matcher m = matcher(i, src);
                    if (m.find()) {
                        injection(ex, this, s.label(), pointer.get(), HiddenText.visible(DynamicFindings.around(src, m.start(), m.end())));
                    }
                }
            }

            @Override
            public List<Finding> finish() {
                if (ex.error() != null) read(ex.error().message() + "\n" + ex.error().data(), () -> "/error");
                return super.finish();
            }
        };
    }

    /**
     * The text in NFKC. ASCII is its own NFKC form (no ASCII character decomposes or composes), and
     * is by far the common case: it is passed through, as normalizing copied every string to a String.
     */
    static CharSequence nfkc(CharSequence text) {
        return NfkcStable.isNfkc(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private void injection(ToolExchange ex, TextMatchPass pass, String label, String pointer, String evidence) {
        pass.report(label, pointer, () -> DynamicFindings.onResult(this, Severity.HIGH, ex.toolName(), pointer,
                label + " in the output of " + ex.toolName(), evidence,
                "Treat upstream content as data: strip control and invisible characters, escape markup, never echo "
                        + "instructions; wrap third-party text in clearly delimited, labelled fields."));
    }
}
