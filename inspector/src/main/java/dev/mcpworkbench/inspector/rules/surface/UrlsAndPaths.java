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
