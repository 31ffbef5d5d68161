package dev.mcpworkbench.inspector.rules.poison;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.List;

/** POISON-001: markup that impersonates the system or dresses text up as priority instructions. */
public final class PseudoTags implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("POISON-001", "Pseudo-tags", Category.POISON,
            Severity.HIGH, List.of("MCP03"),
            "Tags like <IMPORTANT> or <system> and HTML comments are how poisoned descriptions make injected instructions look authoritative or hide them from people reading a rendered view.");

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
        for (TextItem item : s.texts(TextCues.MARKUP)) {
            String norm = item.normalized();
            int[] tag = Words.find(norm, PoisonPatterns.PSEUDO_TAG);
            if (tag == null) continue;
            int start = tag[0];
            int end = tag[1];
            String region = norm.substring(start, Math.min(norm.length(), end + 400));
            boolean directive = Words.contains(region.substring(end - start), PoisonPatterns.DIRECTIVE)
                    || PoisonPatterns.sensitiveDirective(region, 80) != null;
            String matched = norm.substring(start, end);
            String what = matched.startsWith("<!--") ? "An HTML comment" : "The pseudo-tag " + matched.trim();
            out.add(RuleSupport.finding(META, directive ? Severity.HIGH : Severity.MEDIUM,
                    what + " in " + item.location().display() + (directive ? " wraps directive text" : ""),
                    item.location(), Texts.excerpt(norm, start, Math.min(norm.length(), end + 120), 40),
                    "Remove markup that addresses the model; state facts about the tool in plain sentences."));
        }
        return out;
    }
}
