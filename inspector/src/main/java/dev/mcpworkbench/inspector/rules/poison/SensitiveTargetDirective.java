package dev.mcpworkbench.inspector.rules.poison;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.Texts;
import java.util.ArrayList;
import java.util.List;

/** POISON-004: a directive to read or send credentials, keys or the conversation. */
public final class SensitiveTargetDirective implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("POISON-004", "Directive at a sensitive target", Category.POISON,
            Severity.CRITICAL, List.of("MCP03"),
            "Metadata that tells the model to read ~/.ssh, .env, cloud credentials or the chat history and pass them along is data theft waiting for one tool call.");

    static final RuleSetting WINDOW = RuleSetting.of("window", 80, "characters between a verb and a sensitive target");

    @Override
    public List<RuleSetting> settings() {
        return List.of(WINDOW);
    }

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
        int window = s.settings().integer(META.id(), WINDOW);
        for (TextItem item : s.texts(TextCues.SENSITIVE_TARGET | TextCues.EXFILTRATION)) {
            if (item.key() || item.text().length() < 6) continue;
            String norm = item.normalized();
            String what = "Directive to read or send a sensitive target in ";
            int[] m = item.mayMatch(TextCues.SENSITIVE_TARGET) ? PoisonPatterns.sensitiveDirective(norm, item.cues(), window) : null;
            if (m == null && item.mayMatch(TextCues.EXFILTRATION)) {
                m = PoisonPatterns.urlExfiltration(norm);
                what = "Instruction to put conversation or user data into a URL (a Markdown image or link the client loads) in ";
                if (m == null) {
                    java.util.regex.Matcher redirect = PoisonPatterns.REDIRECT.matcher(norm);
                    if (redirect.find()) m = new int[] {redirect.start(), redirect.end()};
                    what = "Instruction to copy data to a fixed outside recipient in ";
                }
            }
            if (m == null) continue;
            out.add(RuleSupport.finding(META, Severity.CRITICAL,
                    what + item.location().display(),
                    item.location(), Texts.excerpt(norm, m[0], m[1], 60),
                    "Remove the text. A tool that legitimately handles such files must say so in its name and purpose, and never ask for them in a side channel."));
        }
        return out;
    }
}
