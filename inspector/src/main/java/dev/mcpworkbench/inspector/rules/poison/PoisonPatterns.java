package dev.mcpworkbench.inspector.rules.poison;

import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases poisoning rules look for, on normalized (NFKC, lower-case, invisible-free) text.
 * Kept together so POISON-007 (dynamic, on outputs) can reuse them.
 */
public final class PoisonPatterns {

    private PoisonPatterns() {
    }

    // every match opens with one of these characters: the pattern is tried only where they occur
    public static final Pattern PSEUDO_TAG = Words.withLeads(Pattern.compile(
            "<\\s*/?\\s*(important|system|instructions?|secret|admin|assistant|hidden|critical|system[_ -]?prompt|override|prompt)(?:\\s[^<>]{0,40})?\\s*/?>"
                    + "|\\[\\s*(?:system(?:\\s+override)?|admin|instructions?|override)\\s*\\]"
                    + "|<!--"), "<", "[");

    public static final Pattern OVERRIDE = Words.anyOf(
            "(?:ignore|disregard|forget|override|bypass)s? (?:all |any )?(?:of )?(?:the |your |my )?(?:previous|prior|above|earlier|preceding|former|original|system|other) (?:instructions?|prompts?|rules|directions|guidelines|messages?|context)",
            "(?:do not|don't|never|without) (?:tell|telling|inform|informing|mention|mentioning|reveal|revealing|show|showing|notify|notifying|alert|alerting|let)(?: [^.\\n]{0,40})? (?:the )?user",
            "hide (?:this|it|these|that)(?: [^.\\n]{0,20})? from (?:the )?user",
            "keep (?:this|it) (?:secret|hidden|confidential) from",
            "the user (?:must|should) (?:not|never) (?:know|see|be told|find out)");

    public static final Pattern SENSITIVE_TARGET = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])(?:~/\\.ssh|\\.ssh/|id_rsa|id_ed25519|id_ecdsa|\\.env(?![\\p{L}\\p{N}_])|mcp\\.json|claude_desktop_config\\.json"
                    + "|\\.aws/credentials|/etc/passwd|/etc/shadow|\\.npmrc|\\.netrc|\\.git-credentials|\\.kube/config|\\.docker/config\\.json"
                    + "|conversation history|chat history|system prompt)");

    public static final Pattern SENSITIVE_VERB = Words.anyOf("read", "reads", "reading", "cat", "include", "includes",
            "including", "pass", "passing", "send", "sending", "upload", "uploading", "attach", "provide", "copy",
            "forward", "post", "exfiltrate", "leak", "append", "embed", "extract", "collect", "share", "content of", "contents of");

    private static final Pattern NEGATION = Pattern.compile("(?:not|never|don't|do not|must not|cannot|can't|won't)\\s*$");

    /** Directive cues that make a pseudo-tag or encoded text an instruction rather than markup. */
    public static final Pattern DIRECTIVE = Words.anyOf("you must", "must", "always", "never", "do not", "don't",
            "before", "instead", "ignore", "important", "required", "mandatory", "make sure", "ensure", "secretly",
            "silently", "without telling", "the user");

    public static final Pattern CROSS_TOOL = Words.anyOf(
            "(?:before|after|instead of) (?:using|calling|invoking|running) (?:any|every|all|each|the) other tools?",
            "(?:before|after|instead of) (?:using|calling|invoking) any tools?",
            "when (?:the |a )?[\\w.-]{2,60} (?:tool )?is (?:called|invoked|used|run),? (?:you must |always )?(?:also|first|then)",
            "whenever (?:you|the user) (?:use|call|invoke)s? (?:any|another|other) tools?");

    /**
     * A sensitive target with a reading/sending verb within {@code window} characters, not
     * negated ("never read .env" is advice, not a directive). Returns [start, end] or null.
     */
    public static int[] sensitiveDirective(String normalized, int window) {
        return sensitiveDirective(normalized, TextCues.of(normalized), window);
    }

    /** As {@link #sensitiveDirective(String, int)}, with the text's {@link TextCues} already known. */
    public static int[] sensitiveDirective(String normalized, long cues, int window) {
        if ((cues & TextCues.SENSITIVE_TARGET) == 0) return null;
        Matcher target = SENSITIVE_TARGET.matcher(normalized);
        while (target.find()) {
            int from = Math.max(0, target.start() - window);
            int to = Math.min(normalized.length(), target.end() + window);
            Matcher verb = SENSITIVE_VERB.matcher(normalized);
            verb.region(from, to);
            while (verb.find()) {
                String before = normalized.substring(Math.max(0, verb.start() - 12), verb.start());
                if (NEGATION.matcher(before).find()) continue;
                return new int[] {Math.min(verb.start(), target.start()), Math.max(verb.end(), target.end())};
            }
        }
        return null;
    }
}
