package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognizes URL and filesystem-path parameters by name and format. */
public final class UrlsAndPaths {

    private static final Set<String> URL_WORDS = Set.of("url", "uri", "href", "endpoint", "urls", "uris", "webhook");
    private static final Set<String> URL_FORMATS = Set.of("uri", "url", "iri", "uri-reference", "iri-reference");
    private static final Set<String> PATH_WORDS = Set.of("path", "paths", "filepath", "filename", "dir", "directory",
            "folder", "file", "files", "dirpath", "cwd");
    /** {@code excludePaths}, {@code select_paths}: which paths a crawl or search keeps or leaves out, not a place to open. */
    private static final Set<String> FILTER_WORDS = Set.of("exclude", "include", "ignore", "skip", "select");
    /** Paths that name no file or URL: a field of a document, a pattern that URLs are matched against. */
    private static final Pattern NOT_A_LOCATION = Words.anyOf("dot notation", "name of the field", "field path", "json ?path",
            "key path", "regex(?:es)?", "regular expressions?");

    private UrlsAndPaths() {
    }

    /** URLs the tool keeps or hands back rather than opens: where a payment page sends the buyer, what a webhook will call later. */
    private static final Set<String> STORED_URL_WORDS = Set.of("success", "cancel", "redirect", "return", "callback", "notify",
            "notification", "webhook", "image", "avatar", "logo", "thumbnail", "homepage", "website", "link");
    private static final Pattern STORED_URL_TEXT = Words.anyOf("redirect(?:s|ed)?", "callback", "after (?:payment|checkout|completion|sign-?in|login)",
            "(?:is|are|will be|gets?) (?:stored|saved|returned|recorded|kept|shown|displayed)", "receives? (?:a |the )?(?:post|notifications?|callbacks?|events?)",
            "to notify", "(?:we|the service|stripe|it) (?:will )?(?:call|post|send)s? (?:to )?(?:this|the) url");
    /** URLs compared, not opened: a pattern a crawl or a request log is matched against. */
    private static final Pattern MATCH_URL_TEXT = Words.anyOf("patterns? (?:to|that|which) (?:match|filter|select)", "glob", "regex(?:es)?",
            "regular expressions?", "wildcards?", "matched against", "urls? (?:matching|that match)", "to match (?:against|requests|urls)");
    /** Path parameters the tool writes to, whatever its verb: where a download lands, an export goes, a process runs. */
    private static final Set<String> WRITE_PATH_WORDS = Set.of("save", "output", "out", "dest", "destination", "download",
            "export", "write", "workdir", "working", "cwd", "local", "target");

    /** A URL the tool opens: not one it only stores or returns, nor one it matches others against. */
    public static boolean isFetchedUrl(SchemaNode node) {
        if (!isUrl(node)) return false;
        List<String> words = node.ownerName() == null ? List.of() : Identifiers.words(node.ownerName());
        for (String w : words) if (STORED_URL_WORDS.contains(w)) return false;
        String description = Texts.normalize(node.ownerDescription());
        return !Words.contains(description, STORED_URL_TEXT) && !Words.contains(description, MATCH_URL_TEXT);
    }

    /** A path parameter the tool writes to or runs in: {@code savePath}, {@code outputDir}, {@code workdir}, {@code localPath}. */
    public static boolean isWrittenPath(SchemaNode node) {
        if (node.ownerName() == null || !node.hasType("string")) return false;
        List<String> words = Identifiers.words(node.ownerName());
        if (words.equals(List.of("workdir")) || words.equals(List.of("cwd"))) return true;
        if (!isPath(node) || words.size() < 2) return false;
        for (String w : words) if (WRITE_PATH_WORDS.contains(w)) return true;
        return false;
    }

    public static boolean isUrl(SchemaNode node) {
        if (!isStringLike(node)) return false;
        String format = node.schema().path("format").asText("");
        if (URL_FORMATS.contains(format)) return true;
        if (node.ownerName() == null) return false;
        List<String> words = Identifiers.words(node.ownerName());
        return !words.isEmpty() && URL_WORDS.contains(words.get(words.size() - 1));
    }

    public static boolean isPath(SchemaNode node) {
        if (!isStringLike(node) || node.ownerName() == null) return false;
        List<String> words = Identifiers.words(node.ownerName());
        if (words.isEmpty() || words.size() > 1 && FILTER_WORDS.contains(words.get(0))) return false;
        String last = words.get(words.size() - 1);
        String description = node.ownerDescription();
        boolean named = PATH_WORDS.contains(last) ? !last.equals("file") && !last.equals("files") || words.size() == 1
                : (last.equals("source") || last.equals("destination") || last.equals("target"))
                        && words.size() <= 2 && description.isEmpty();
        return named && !Words.contains(Texts.normalize(description), NOT_A_LOCATION);
    }

    /** A string parameter, or an array whose items are strings (the walk reports items separately). */
    private static boolean isStringLike(SchemaNode node) {
        return node.hasType("string") && (node.role() == SchemaNode.Role.PROPERTY || node.role() == SchemaNode.Role.ITEMS);
    }
}
