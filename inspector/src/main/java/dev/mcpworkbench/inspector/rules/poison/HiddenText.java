package dev.mcpworkbench.inspector.rules.poison;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.Invisibles;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** POISON-002: text a person cannot see in a client's UI but the model reads. */
public final class HiddenText implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("POISON-002", "Hidden text", Category.POISON,
            Severity.MEDIUM, List.of("MCP03"),
            "Invisible characters, bidi controls, Unicode tag characters and encoded blobs hide instructions from the person approving a server while the model still reads them.");

    private static final Pattern BASE64 = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){32,}(?![0-9A-Fa-f])");

    static final RuleSetting HIGH_KINDS = RuleSetting.atLeast("highKinds", 3, 1,
            "kinds of hidden characters in one string that make the finding High");
    static final RuleSetting BASE64_MIN_LENGTH = RuleSetting.atLeast("base64MinLength", TextCues.BASE64_RUN_CHARS,
            TextCues.BASE64_RUN_CHARS, "shortest base64 run that is decoded and rescanned");
    static final RuleSetting HEX_MIN_LENGTH = RuleSetting.atLeast("hexMinLength", 64, 64,
            "shortest hex run that is decoded and rescanned");

    @Override
    public List<RuleSetting> settings() {
        return List.of(HIGH_KINDS, BASE64_MIN_LENGTH, HEX_MIN_LENGTH);
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
        // invisible characters need a string that is not plain ASCII, an encoded blob a run of base64 characters
        for (TextItem item : s.texts(TextCues.NOT_PLAIN | TextCues.BASE64_RUN)) {
            invisibles(item, s.settings().integer(META.id(), HIGH_KINDS), out);
            encoded(item, s.settings().integer(META.id(), BASE64_MIN_LENGTH), s.settings().integer(META.id(), HEX_MIN_LENGTH), out);
        }
        return out;
    }

    private void invisibles(TextItem item, int highKinds, List<Finding> out) {
        String text = item.text();
        if (item.plainAscii()) return;
        Set<Invisibles.Kind> kinds = EnumSet.noneOf(Invisibles.Kind.class);
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            Invisibles.Kind kind = Invisibles.kind(text, i);
            if (kind != null && !Invisibles.isEmojiGlue(text, i)) {
                kinds.add(kind);
                count++;
                if (first < 0) first = i;
                last = i;
            }
            i += Character.charCount(text.codePointAt(i));
        }
        if (kinds.isEmpty()) return;
        String decoded = Invisibles.decodeTags(text);
        // what the model reads around the hidden characters: shown whole, judged for instructions
        String read = Invisibles.asRead(text.substring(Math.max(0, first - 80), Math.min(text.length(), last + 200)));
        String readNorm = Texts.normalize(read);
        boolean directs = Words.contains(readNorm, PoisonPatterns.OVERRIDE) || PoisonPatterns.sensitiveDirective(readNorm, 80) != null
                || (!decoded.isBlank() && Words.contains(Texts.normalize(decoded), PoisonPatterns.DIRECTIVE));
        boolean high = kinds.size() >= highKinds || !decoded.isBlank() || directs;
        String message = count + " hidden character" + (count == 1 ? "" : "s") + " (" + kindList(kinds) + ") in " + item.location().display()
                + (decoded.isBlank() ? "" : "; tag characters spell: \"" + Texts.clip(decoded, 200) + "\"")
                + (directs ? "; the text as the model reads it gives instructions" : "");
        out.add(RuleSupport.finding(META, high ? Severity.HIGH : Severity.MEDIUM, message, item.location(),
                "reads as: " + Texts.clip(read.strip(), 300) + "\nhidden: " + distinctHidden(text),
                "Remove invisible and bidi control characters from metadata; clients should display them, servers should never send them."));
    }

    private void encoded(TextItem item, int base64Min, int hexMin, List<Finding> out) {
        String text = item.text();
        if (item.key() || !TextCues.hasBase64Run(text)) return;
        Matcher b64 = BASE64.matcher(text);
        while (b64.find()) {
            String blob = b64.group();
            if (blob.length() < base64Min || !looksEncoded(blob)) continue;
            String decoded = decodeBase64(blob);
            if (decoded != null) {
                report(item, blob, "base64", decoded, out);
                return;
            }
        }
        Matcher hex = HEX.matcher(text);
        while (hex.find()) {
            if (hex.group().length() < hexMin) continue;
            String decoded = printable(HexFormat.of().parseHex(hex.group()));
            if (decoded != null) {
                report(item, hex.group(), "hex", decoded, out);
                return;
            }
        }
    }

    private void report(TextItem item, String blob, String encoding, String decoded, List<Finding> out) {
        String norm = Texts.normalize(decoded);
        boolean directive = Words.contains(norm, PoisonPatterns.DIRECTIVE) || Words.contains(norm, PoisonPatterns.OVERRIDE)
                || Words.contains(norm, PoisonPatterns.PSEUDO_TAG) || PoisonPatterns.sensitiveDirective(norm, 80) != null;
        out.add(RuleSupport.finding(META, directive ? Severity.HIGH : Severity.MEDIUM,
                "A " + encoding + " blob in " + item.location().display() + " decodes to text" + (directive ? " with instructions" : ""),
                item.location(), Texts.clip(blob, 120) + "\n→ " + Texts.spellOut(Texts.clip(decoded, 400)),
                "Do not ship encoded text in metadata; write what the model needs in plain words."));
    }

    /** Mixed case and a digit: prose words and paths of letters rarely look like that. */
    private static boolean looksEncoded(String blob) {
        boolean upper = false, lower = false, digit = false;
        for (int i = 0; i < blob.length(); i++) {
            char c = blob.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
        }
        return upper && lower && digit;
    }

    private static String decodeBase64(String blob) {
        try {
            String padded = blob.replace("=", "");
            return printable(Base64.getDecoder().decode(padded + "=".repeat((4 - padded.length() % 4) % 4)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The bytes as UTF-8 when they are mostly printable text, else null (binary data is not hidden text). */
    private static String printable(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.isEmpty()) return null;
        long ok = s.chars().filter(c -> c == '\n' || c == '\t' || (c >= 0x20 && c != 0xFFFD && c != 0x7F)).count();
        return ok >= 0.95 * s.length() && s.chars().filter(Character::isLetter).count() >= s.length() / 2 ? s : null;
    }

    /** Each distinct hidden character once, with its count: "U+200B ZERO WIDTH SPACE ×3". Tag characters are summarized, their text is shown decoded. */
    private static String distinctHidden(String text) {
        java.util.Map<Integer, Integer> counts = new java.util.LinkedHashMap<>();
        int tags = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Invisibles.kind(text, i) != null && !Invisibles.isEmojiGlue(text, i)) {
                if (cp >= 0xE0000 && cp <= 0xE007F) tags++;
                else counts.merge(cp, 1, Integer::sum);
            }
            i += Character.charCount(cp);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((cp, n) -> parts.add(Invisibles.describe(cp) + (n > 1 ? " ×" + n : "")));
        if (tags > 0) parts.add(tags + " tag characters");
        return parts.size() > 12 ? String.join(", ", parts.subList(0, 12)) + " and " + (parts.size() - 12) + " more" : String.join(", ", parts);
    }

    private static String kindList(Set<Invisibles.Kind> kinds) {
        List<String> names = new ArrayList<>();
        for (Invisibles.Kind k : kinds) names.add(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        return String.join(", ", names);
    }
}
