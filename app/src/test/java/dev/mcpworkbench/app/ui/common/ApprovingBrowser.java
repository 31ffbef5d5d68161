package dev.mcpworkbench.app.ui.common;

import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the consent page, presses Approve, and follows the redirect like a browser. */
public final class ApprovingBrowser implements AuthorizationAgent {
    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern TRANSACTION = Pattern.compile("name=\"transaction\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger consentPagesSeen = new AtomicInteger();

    @Override
    public URI authorize(URI authorizationUrl, URI redirectUri, AgentContext agentContext) throws FlowException {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(authorizationUrl).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher action = ACTION.matcher(page.body());
            Matcher transaction = TRANSACTION.matcher(page.body());
            if (page.statusCode() != 200 || !action.find() || !transaction.find()) {
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "no consent page: " + page.statusCode());
            }
            consentPagesSeen.incrementAndGet();
            String form = "transaction=" + URLEncoder.encode(transaction.group(1), StandardCharsets.UTF_8) + "&decision=approve";
            HttpResponse<String> approved = http.send(HttpRequest.newBuilder(authorizationUrl.resolve(action.group(1)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
            http.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
            return null; // the app's loopback listener received the callback
        } catch (java.io.IOException e) {
            throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "browser failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "interrupted");
        }
    }

    public int consentPagesSeen() {
        return consentPagesSeen.get();
    }
}
