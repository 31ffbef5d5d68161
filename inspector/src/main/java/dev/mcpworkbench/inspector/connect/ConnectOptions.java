package dev.mcpworkbench.inspector.connect;

import dev.mcpworkbench.inspector.traffic.TrafficLog;
import java.time.Duration;
import java.util.List;

/**
 * How to connect. Start from {@link #defaults()} and change what you need with the {@code with...}
 * methods.
 *
 * @param connectTimeout  limit for starting the server and completing {@code initialize}
 * @param requestTimeout  default limit for each request after that
 * @param clientName      the clientInfo name sent in {@code initialize}
 * @param clientVersion   the clientInfo version
 * @param protocolVersion the protocol version the workbench asks for; from {@value #FIRST_STATELESS_VERSION} on,
 *                        the stateless lifecycle: {@code server/discover} instead of initialize, the
 *                        version on every request (see {@link #statelessLifecycle()})
 * @param roots           roots offered to the server (changeable later on the connection)
 * @param requestHandler  answers the server's sampling and elicitation requests
 * @param authorization   supplies and renews HTTP Authorization headers
 * @param traffic         where traffic is captured (a new log when null)
 * @param listener        receives events from the very start, before initialize completes (may be null);
 *                        more can be added later with {@link McpConnection#addListener}
 * @param maxMessageBytes limit on one incoming message (a stdio line, an HTTP body, an SSE event), in
 *                        bytes; a server that sends more is cut off with an error naming the limit
 *                        ({@link #DEFAULT_MAX_MESSAGE_BYTES} when 0)
 * @param maxListPages    limit on the pages one list ({@code tools/list}...) is followed through;
 *                        a server whose cursors go on past it fails with an error naming the limit
 *                        ({@link #DEFAULT_MAX_LIST_PAGES} when 0)
 */
public record ConnectOptions(
        Duration connectTimeout,
        Duration requestTimeout,
        String clientName,
        String clientVersion,
        String protocolVersion,
        List<Root> roots,
        ClientRequestHandler requestHandler,
        HttpAuthorization authorization,
        TrafficLog traffic,
        ConnectionListener listener,
        long maxMessageBytes,
        int maxListPages) {

    /** The default limit on one incoming message: far above any real server's, far below what exhausts memory. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 256L << 20;

    /** The default limit on pages of one list: real servers send a handful, a cursor that never ends is stopped. */
    public static final int DEFAULT_MAX_LIST_PAGES = 1000;

    public static final String LATEST_PROTOCOL_VERSION = "2025-11-25";

    /** The first revision without initialize (SEP-2575): revisions are dates, so later ones sort after it. */
    public static final String FIRST_STATELESS_VERSION = "2026-07-28";

    public ConnectOptions {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
        clientName = clientName == null ? "mcp-workbench" : clientName;
        clientVersion = clientVersion == null ? "0.1.0" : clientVersion;
        protocolVersion = protocolVersion == null ? LATEST_PROTOCOL_VERSION : protocolVersion;
        roots = List.copyOf(roots == null ? List.of() : roots);
        requestHandler = requestHandler == null ? ClientRequestHandler.DECLINE_ALL : requestHandler;
        authorization = authorization == null ? HttpAuthorization.NONE : authorization;
        // a String holds at most 2^31-1 chars: a larger limit could not be kept anyway
        maxMessageBytes = maxMessageBytes <= 0 ? DEFAULT_MAX_MESSAGE_BYTES : Math.min(maxMessageBytes, Integer.MAX_VALUE - 16);
        maxListPages = maxListPages <= 0 ? DEFAULT_MAX_LIST_PAGES : maxListPages;
    }

    /** True when the connection speaks the stateless lifecycle of 2026-07-28 and later. */
    public boolean statelessLifecycle() {
        return protocolVersion.compareTo(FIRST_STATELESS_VERSION) >= 0;
    }

    public static ConnectOptions defaults() {
        return new ConnectOptions(null, null, null, null, null, null, null, null, null, null, 0, 0);
    }

    public ConnectOptions withConnectTimeout(Duration d) {
        return new ConnectOptions(d, requestTimeout, clientName, clientVersion, protocolVersion, roots, requestHandler, authorization, traffic, listener, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withRequestTimeout(Duration d) {
        return new ConnectOptions(connectTimeout, d, clientName, clientVersion, protocolVersion, roots, requestHandler, authorization, traffic, listener, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withClientInfo(String name, String version) {
        return new ConnectOptions(connectTimeout, requestTimeout, name, version, protocolVersion, roots, requestHandler, authorization, traffic, listener, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withProtocolVersion(String v) {
        return new ConnectOptions(connectTimeout, requestTimeout, clientName, clientVersion, v, roots, requestHandler, authorization, traffic, listener, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withRoots(List<Root> r) {
        return new ConnectOptions(connectTimeout, requestTimeout, clientName, clientVersion, protocolVersion, r, requestHandler, authorization, traffic, listener, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withRequestHandler(ClientRequestHandler h) {
        return new ConnectOptions(connectTimeout, requestTimeout, clientName, clientVersion, protocolVersion, roots, h, authorization, traffic, listener, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withAuthorization(HttpAuthorization a) {
        return new ConnectOptions(connectTimeout, requestTimeout, clientName, clientVersion, protocolVersion, roots, requestHandler, a, traffic, listener, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withTraffic(TrafficLog t) {
        return new ConnectOptions(connectTimeout, requestTimeout, clientName, clientVersion, protocolVersion, roots, requestHandler, authorization, t, listener, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withListener(ConnectionListener l) {
        return new ConnectOptions(connectTimeout, requestTimeout, clientName, clientVersion, protocolVersion, roots, requestHandler, authorization, traffic, l, maxMessageBytes, maxListPages);
    }

    public ConnectOptions withMaxMessageBytes(long bytes) {
        return new ConnectOptions(connectTimeout, requestTimeout, clientName, clientVersion, protocolVersion, roots, requestHandler, authorization, traffic, listener, bytes, maxListPages);
    }

    public ConnectOptions withMaxListPages(int pages) {
        return new ConnectOptions(connectTimeout, requestTimeout, clientName, clientVersion, protocolVersion, roots, requestHandler, authorization, traffic, listener, maxMessageBytes, pages);
    }
}
