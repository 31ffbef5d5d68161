package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.ToolView;
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
            "notification", "webhook", "image", "avatar", "logo", "thumbnail", "homepage", "website", "link", "canonical", "icon");
    /**
     * Said of a URL someone else calls later or that is only kept: "redirected after payment", "the
     * URL we should call when the number receives an SMS", "events are delivered to", "is stored".
     */
    private static final Pattern STORED_URL_TEXT = Words.anyOf("redirect(?:s|ed)?", "callback", "after (?:payment|checkout|completion|sign-?in|login|logout)",
            "(?:is|are|will be|gets?) (?:stored|saved|returned|recorded|kept|shown|displayed)", "receives? (?:a |the )?(?:post|notifications?|callbacks?|events?)",
            "to notify", "(?:we|the service|stripe|it) (?:will )?(?:call|post|send)s? (?:to )?(?:this|the) url",
            "the url (?:that |which )?we (?:should |will |would )?call", "the url (?:that |which )?[\\w-]+ calls? (?:using|when|if|before|after)",
            "(?:will|should) be (?:called|requested|invoked|notified|established)",
            "when (?:[\\w-]+ ){1,4}(?:receives?|connects?|completes?|finishes?|occurs?)",
            "(?:events?|payloads?|notifications?) (?:are|will be) (?:sent|delivered|posted)");
    /** URLs compared, not opened: a pattern a crawl or a request log is matched against, a filter on stored items. */
    private static final Pattern MATCH_URL_TEXT = Words.anyOf("patterns? (?:to|that|which) (?:match|filter|select)", "glob", "regex(?:es)?",
            "regular expressions?", "wildcards?", "matched against", "urls? (?:matching|that match)", "to match (?:against|requests|urls|when)",
            "urls? to match", "filter(?:s|ed|ing)? (?:[\\w-]+ )?by");
    /** Said of a URL the tool (or the service for it, right now) opens: the cues win over a stored-sounding name. */
    private static final Pattern FETCH_TEXT = Words.anyOf("fetch(?:es|ed|ing)?", "scrap(?:e|es|ed|ing)", "crawl(?:s|ed|ing)?",
            "download(?:s|ed|ing)?", "brows(?:e|es|ed|ing)", "navigat(?:e|es|ed|ing)", "visit(?:s|ed|ing)?",
            "(?:load|open)(?:s|ed|ing)? (?:the |a |an |this )?(?:page|url|link|website|site|web ?page)",
            "import(?:s|ed|ing)? (?:[\\w-]+ ){0,3}from", "from (?:a |an |the |this |given )?(?:url|uri|link|web ?page|website)",
            "screenshots?", "url to (?:scan|test|audit|check|analy[sz]e|read|extract|monitor|clone)");
    /**
     * Said of the URL itself: the request goes there ("URL to perform GET operation"). Not read in
     * a tool's description, where "make a POST request to /Accounts" is how the tool calls its own API.
     */
    private static final Pattern REQUEST_TEXT = Words.anyOf("(?:http|https|get|post|put|patch|delete) (?:requests?|operations?)",
            "url to (?:call|request|send)");
    /** Name words of the address of the API the tool talks to ({@code regionUrl}, {@code instance_url}): requests, and the credentials with them, go there. */
    private static final Set<String> API_PLACE_WORDS = Set.of("region", "host", "instance", "server", "api");
    /** Name words of a tool that opens what it is given, whatever else its name says ({@code create_crawl_job}). */
    private static final Set<String> FETCH_NAME_WORDS = Set.of("fetch", "scrape", "crawl", "download", "browse", "navigate",
            "visit", "open", "load", "get", "read", "request", "call", "invoke", "ping", "check", "test", "audit", "screenshot",
            "capture", "preview", "clone", "import", "extract", "scan", "map", "search", "render");
    /**
     * Verbs of a tool that records something ({@code create_blog_post}, {@code update_application},
     * {@code reddit_submit_post}): its URL parameters are fields of the record unless something says the
     * tool opens them. Not {@code post}, {@code put}, {@code patch}: they are also HTTP methods.
     */
    private static final Set<String> RECORD_VERBS = Set.of("create", "add", "insert", "new", "update", "edit", "modify", "set",
            "save", "upsert", "submit", "register", "configure", "store", "record", "write", "rename");
    /** Said of a parameter that names or identifies something rather than giving its location: "Endpoint name from the catalog", "ID of the folder". */
    private static final Pattern NAME_OR_ID_TEXT = Words.anyOf("^(?:the |an? )?(?:[\\w-]+ )?(?:name|id|identifier|guid|uuid)",
            "^(?:the |an? )?(?:name|id|identifier|guid|uuid) of");

    /**
     * A URL the tool opens: not one it only stores or returns (a payment link's {@code success_url},
     * a webhook the service calls later, a field of the record the tool creates), nor one it matches
     * others against. What the URL's own description says the tool does with it decides first.
     */
    public static boolean isFetchedUrl(SchemaNode node, ToolView tool) {
        if (!isUrl(node)) return false;
        String description = Texts.normalize(node.ownerDescription());
        if (Words.contains(description, FETCH_TEXT)) return true;
        List<String> words = node.ownerName() == null ? List.of() : Identifiers.words(node.ownerName());
        boolean apiPlace = false;
        for (String w : words) {
            if (STORED_URL_WORDS.contains(w)) return false;
            apiPlace |= API_PLACE_WORDS.contains(w);
        }
        // after the name: a callback's "URL to call using the callback method" is called by the service, later
        if (Words.contains(description, REQUEST_TEXT)) return true;
        if (Words.contains(description, STORED_URL_TEXT) || Words.contains(description, MATCH_URL_TEXT)) return false;
        return apiPlace || !recordsFields(tool);
    }

    /** A tool that creates or updates a record and says nothing of opening what it is given. */
    private static boolean recordsFields(ToolView tool) {
        boolean records = false;
        for (String w : tool.nameWords()) {
            if (FETCH_NAME_WORDS.contains(w)) return false;
            records |= RECORD_VERBS.contains(w);
        }
        return records && !Words.contains(tool.normalizedDescription(), FETCH_TEXT);
    }

    /** A parameter whose description says it is a name or an id ("Endpoint name from the service catalog"), not a place. */
    public static boolean namesOrIdentifies(SchemaNode node) {
        String description = node.ownerDescription();
        return !description.isEmpty() && Words.contains(Texts.normalize(description), NAME_OR_ID_TEXT);
    }

    /** Path parameters the tool writes to, whatever its verb: where a download lands, an export goes, a process runs. */
    static final Set<String> WRITE_PATH_WORDS = Set.of("save", "output", "out", "dest", "destination", "download",
            "export", "write", "workdir", "working", "cwd", "local", "target");

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
        // an "endpoint" described as a name from the server's catalog is an operation name, not a place to reach
        return !words.isEmpty() && URL_WORDS.contains(words.get(words.size() - 1)) && !namesOrIdentifies(node);
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
