package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OAUTH-028 (advisory): does the MCP server forward the client's token to the APIs behind it? Only
 * the server's upstream sees that, so the probe needs an {@link UpstreamRecorder} the user has made
 * the server's upstream; without one it says so and concludes nothing. It can only see what the
 * requests it sends make the server do upstream.
 */
final class TokenPassthroughProbe implements ActiveProbe {

    @Override
    public String name() {
        return "passthrough";
    }

    @Override
    public String ruleId() {
        return "OAUTH-028";
    }

    @Override
    public String title() {
        return "Token not passed through";
    }

    @Override
    public String description() {
        return "Needs a recorder as the MCP server's upstream (the server configured to call it). Sends initialize and "
                + "tools/list to the MCP server with the flow's access token, then checks whether that token reached the "
                + "recorder. Without a recorder nothing is sent and nothing concluded.";
    }

    @Override
    public void run(ProbeContext context, ProbeStep step) {
        Optional<UpstreamRecorder> recorder = context.upstreamRecorder();
        if (recorder.isEmpty()) {
            step.skip("No upstream recorder: the client cannot see what the server sends to the APIs behind it");
            return;
        }
        step.input("recorder", recorder.get().url());
        String token = context.result().tokens().accessToken();
        int before = recorder.get().requestCount();
        HttpExchange init = mcp(context, step, null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"mcp-workbench-probe\",\"version\":\"1\"}}}");
        String session = init.responseHeader("Mcp-Session-Id").orElse(null);
        mcp(context, step, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        mcp(context, step, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
        int arrived = recorder.get().requestCount() - before;
        step.output("upstream requests", String.valueOf(arrived));
        if (recorder.get().sawToken(token)) {
            step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                    "The MCP server passed the client's access token on to its upstream (token passthrough)",
                    "the access token arrived in an Authorization header at " + recorder.get().url()));
        } else if (arrived == 0) {
            step.skip("The server made no upstream request during the probe: nothing to judge");
        }
    }

    private static HttpExchange mcp(ProbeContext context, ProbeStep step, String session, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Accept", List.of("application/json, text/event-stream"));
        context.tokenHeaders("POST", context.server()).forEach((name, value) -> headers.put(name, List.of(value)));
        if (session != null) headers.put("Mcp-Session-Id", List.of(session));
        return context.http().send("POST", context.server(), headers, body, step.sink());
    }
}
