package dev.mcpworkbench.inspector.connect;

import java.net.URI;

final class HttpTargets {

    private HttpTargets() {
    }

    static void checkUrl(URI url) {
        if (url == null) throw new IllegalArgumentException("The URL is empty");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("Not an http(s) URL: " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("The URL has no host: " + url);
        }
    }
}
