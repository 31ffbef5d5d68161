package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link StringRule.Pass} that matches patterns in each string of a result (and in other texts of
 * the exchange the rule hands it), reporting at most {@code max} findings and one per label and
 * place. It keeps one matcher per pattern for the whole result, reset per text: a 100 MB result has
 * millions of strings, and a new matcher each time made gigabytes of garbage. A pattern is searched
 * only in a text that holds one of its {@link Anchors}' literals.
 */
abstract class TextMatchPass implements StringRule.Pass {

    /** Texts longer than this are passed over, as the shared walk cuts strings at this length. */
    static final int LONGEST_TEXT = 8 * 1024 * 1024;

    private final List<Finding> out = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Matcher[] matchers;
    private final Anchors anchors;
    private final int max;
    /** How many times a pattern was searched: what the anchors spare is visible to tests. */
    private long searches;

    /** {@code literals}: for each pattern, by position, the literals one of which each of its matches contains. */
    TextMatchPass(List<Pattern> patterns, List<Anchors.Literals> literals, int max) {
        if (literals.size() != patterns.size()) throw new IllegalArgumentException("one Literals per pattern");
        this.matchers = patterns.stream().map(p -> p.matcher("")).toArray(Matcher[]::new);
        this.anchors = new Anchors(literals);
        this.max = max;
    }

    @Override
    public final boolean accept(PayloadStrings.Spot spot, CharSequence value) {
        // a string longer than the walk reads is passed over, as read passes over a longer text
        if (!spot.cut()) read(value, spot);
        return out.size() < max;
    }

    @Override
    public List<Finding> finish() {
        return out;
    }

    /**
     * Reads one text; {@code pointer} is asked for only when a finding is made. The text may be the
     * walk's reused view of the result's bytes: valid during this call only, and copied by whatever
     * evidence is taken from it.
     */
    final void read(CharSequence text, Supplier<String> pointer) {
        if (!text.isEmpty() && text.length() <= LONGEST_TEXT) scan(text, pointer);
    }

    /** Matches the text against the patterns, through {@link #matcher} and {@link #report}. */
    abstract void scan(CharSequence text, Supplier<String> pointer);

    /** The patterns that may match in {@code text} (bit {@code i} for pattern {@code i}): search only those. */
    final long candidates(CharSequence text) {
        return anchors.candidates(text);
    }

    /** Pattern {@code i}'s matcher, reset to {@code text}. */
    final Matcher matcher(int i, CharSequence text) {
        searches++;
        return matchers[i].reset(text);
    }

    /** The pattern searches made so far. */
    final long searches() {
        return searches;
    }

    /** Adds the finding unless {@code max} are reported or one for this label and place already is. */
    final void report(String label, String pointer, Supplier<Finding> finding) {
        if (out.size() < max && seen.add(label + "|" + pointer)) out.add(finding.get());
    }
}
