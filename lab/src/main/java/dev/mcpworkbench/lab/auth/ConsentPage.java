package dev.mcpworkbench.lab.auth;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import java.io.IOException;

/** The consent page a browser sees, and the error page for requests that cannot be redirected. */
final class ConsentPage {

    private ConsentPage() {
    }

    static void show(HttpExchange exchange, String action, String transaction, RegisteredClient client, GrantStore.Request request)
            throws IOException {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Authorize %1$s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1f2328}
                .card{border:1px solid #d0d7de;border-radius:12px;padding:1.5rem}code{background:#f6f8fa;padding:.1rem .3rem;border-radius:4px}
                button{font-size:1rem;padding:.5rem 1.25rem;border-radius:8px;border:1px solid #d0d7de;margin-right:.5rem;cursor:pointer}
                .approve{background:#1f883d;color:#fff;border-color:#1f883d}</style></head>
                <body><div class="card"><h1>MCP Workbench lab</h1>
                <p><strong>%1$s</strong> wants to access <code>%2$s</code> on your behalf.</p>
                <p>Client id: <code>%3$s</code><br>Scopes: <code>%4$s</code><br>Redirect: <code>%5$s</code></p>
                <form method="post" action="%6$s">
                <input type="hidden" name="transaction" value="%7$s">
                <button class="approve" name="decision" value="approve" type="submit">Approve</button>
                <button name="decision" value="deny" type="submit">Deny</button>
                </form></div></body></html>
                """.formatted(escape(client.clientName()), escape(String.valueOf(request.resource())), escape(client.clientId()),
                escape(String.join(" ", request.scopes())), escape(request.redirectUri()), escape(action), escape(transaction));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        HttpResponses.send(exchange, 200, "text/html; charset=utf-8", html);
    }

    static void error(HttpExchange exchange, String message) throws IOException {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Authorization error</title></head>"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto\"><h1>Authorization error</h1><p>"
                + escape(message) + "</p></body></html>";
        HttpResponses.send(exchange, 400, "text/html; charset=utf-8", html);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
