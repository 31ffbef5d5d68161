package dev.mcpworkbench.inspector.rules.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The verb and nouns of a tool or operation name in any order and case style: {@code delete_bucket},
 * {@code bucket_delete}, {@code deleteBucket}, {@code Bucket-Delete}, {@code kvPut}, and with a server
 * prefix ({@code slack_post_message}, {@code API-get-user}). One reading shared by every rule that asks
 * "what does this name do to what", so CRUD mirroring, destructive detection, annotations and capability
 * classes cannot disagree about a name.
 *
 * @param verb  the verb in lower case, or "" when the name has none
 * @param nouns the other words, singular, without fillers, numbers or other verbs
 */
public record VerbAndNouns(String verb, List<String> nouns) {

    private static final VerbAndNouns NONE = new VerbAndNouns("", List.of());

    /** Reads the words of a name ({@link Identifiers#words}). */
    public static VerbAndNouns of(List<String> words) {
        int at = verbIndex(words);
        if (at < 0) return NONE;
        List<String> nouns = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i == at || Vocabulary.NOT_NOUNS.contains(w) || isVerb(w) || w.length() < 2 || isNumber(w)) continue;
            nouns.add(Identifiers.singular(w));
        }
        return new VerbAndNouns(words.get(at), List.copyOf(nouns));
    }

    public static VerbAndNouns of(String name) {
        return of(Identifiers.words(name));
    }

    /**
     * Where the verb is: the first word when it is one (verb-first is the common style, and "post" or
     * "list" after a verb are nouns: {@code create_post}); else the second after a server prefix
     * ({@code slack_post_message}, {@code API-post-search}); else the last ({@code bucket_delete},
     * {@code kvPut}, {@code firecrawl_monitor_create}).
     */
    private static int verbIndex(List<String> words) {
        if (words.isEmpty()) return -1;
        if (isVerb(words.get(0))) return 0;
        if (words.size() >= 3 && isVerb(words.get(1))) return 1;
        if (words.size() >= 2 && isVerb(words.get(words.size() - 1))) return words.size() - 1;
        return -1;
    }

    /** A verb any rule knows: a CRUD verb, a mutating or a deleting one. */
    public static boolean isVerb(String word) {
        return Vocabulary.CRUD_VERBS.containsKey(word) || Vocabulary.MUTATING_VERBS.contains(word)
                || Vocabulary.DELETE_VERBS.contains(word);
    }

    public boolean hasVerb() {
        return !verb.isEmpty();
    }

    public Vocabulary.Crud crud() {
        return Vocabulary.CRUD_VERBS.get(verb);
    }

    public boolean mutates() {
        return Vocabulary.MUTATING_VERBS.contains(verb) || Vocabulary.DELETE_VERBS.contains(verb);
    }

    public boolean deletes() {
        return Vocabulary.DELETE_VERBS.contains(verb);
    }

    public boolean reads() {
        return Vocabulary.isReadVerb(verb);
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) if (!Character.isDigit(word.charAt(i))) return false;
        return true;
    }
}
