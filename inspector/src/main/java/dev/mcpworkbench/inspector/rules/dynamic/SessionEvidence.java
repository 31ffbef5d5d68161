package dev.mcpworkbench.inspector.rules.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a session showed beyond single calls. Each part is empty or null when it was not
 * observed (a stdio server has no origin or session probes); rules then report nothing.
 *
 * @param toolLists   tools/list answers in the order taken, each labelled with when it was taken
 * @param origin      the result of the cross-origin probe of an HTTP endpoint, or null
 * @param sessions    the session ids collected from an HTTP endpoint, or null
 */
public record SessionEvidence(List<ToolListObservation> toolLists, OriginProbeResult origin, SessionProbeResult sessions) {

    public SessionEvidence {
        toolLists = toolLists == null ? List.of() : List.copyOf(toolLists);
    }

    public static SessionEvidence empty() {
        return new SessionEvidence(List.of(), null, null);
    }

    /**
     * @param when         e.g. "initially", "after the first tools/call", "to a client named claude-ai"
     * @param otherSession the list came from a second session (another clientInfo.name): a
     *                     difference is cloaking, not a change within the session
     */
    public record ToolListObservation(String when, JsonNode tools, boolean otherSession) {

        public ToolListObservation(String when, JsonNode tools) {
            this(when, tools, false);
        }
    }

    /**
     * @param status            HTTP status of the initialize POST carrying {@code Origin: http://evil.invalid}
     * @param allowOrigin       Access-Control-Allow-Origin of that answer ("" when absent)
     * @param preflightAllowOrigin the same header on the OPTIONS preflight ("" when absent)
     * @param reachableOnOtherInterface a loopback-configured server also answered on a non-loopback address
     */
    public record OriginProbeResult(String endpoint, int status, String allowOrigin, String preflightAllowOrigin,
                                    boolean reachableOnOtherInterface, String otherAddress) {
    }

    /**
     * @param ids                 session ids the server issued, one per initialize
     * @param requiresCredential  whether the probe had a credential to test binding with
     * @param usableWithoutCredential a session issued with the credential answered a request without it
     */
    public record SessionProbeResult(String endpoint, List<String> ids, boolean requiresCredential, boolean usableWithoutCredential) {
        public SessionProbeResult {
            ids = List.copyOf(ids);
        }
    }
}
