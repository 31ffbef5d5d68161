package dev.mcpworkbench.inspector.rules.poison;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.List;

/** POISON-003: text that tells the model to drop its instructions or to keep something from the user. */
public final class OverrideOrConcealment implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("POISON-003", "Override or concealment", Category.POISON,
            Severity.CRITICAL, List.of("MCP03"),
            "No legitimate tool needs the model to ignore its instructions or hide actions from the user; this is the signature of a prompt injection.");

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
        for (TextItem item : s.texts(TextCues.OVERRIDE)) {
            if (item.key() || item.text().length() < 12) continue;
            String norm = item.normalized();
            int[] m = Words.find(norm, PoisonPatterns.OVERRIDE);
            if (m == null) continue;
            out.add(RuleSupport.finding(META, Severity.CRITICAL,
                    "Instruction override or concealment in " + item.location().display(),
                    item.location(), Texts.excerpt(norm, m[0], m[1], 80),
                    "Remove the text. If this server is not yours, disconnect it and report it to its maintainers."));
        }
        return out;
    }
}
