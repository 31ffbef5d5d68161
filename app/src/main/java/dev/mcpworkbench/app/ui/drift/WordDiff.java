package dev.mcpworkbench.app.ui.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level difference of two texts (longest common subsequence over words and the whitespace
 * and punctuation between them), for highlighting what a changed description added or removed.
 */
public final class WordDiff {

    public enum Op { SAME, REMOVED, ADDED }

    public record Segment(Op op, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\w+|\\s+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    /** Above this many tokens a side, the quadratic table would be too big: show old then new. */
    private static final int MAX_TOKENS = 3_000;

    private WordDiff() {
    }

    public static List<Segment> diff(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            return merge(List.of(new Segment(Op.REMOVED, String.join("", a)), new Segment(Op.ADDED, String.join("", b))));
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Segment(Op.SAME, a.get(i++)));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Segment(Op.REMOVED, a.get(i++)));
            } else {
                out.add(new Segment(Op.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) out.add(new Segment(Op.REMOVED, a.get(i++)));
        while (j < b.size()) out.add(new Segment(Op.ADDED, b.get(j++)));
        return merge(out);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    /** Joins neighbouring segments of the same kind, so a changed phrase is one highlight. */
    private static List<Segment> merge(List<Segment> segments) {
        List<Segment> merged = new ArrayList<>();
        for (Segment s : segments) {
            if (s.text().isEmpty()) continue;
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).op() == s.op()) {
                merged.set(last, new Segment(s.op(), merged.get(last).text() + s.text()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }
}
