package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the sequence diagram draws, from the steps that ran: the parties taking part (lifelines) and
 * one arrow pair per HTTP exchange (request, then response or its absence), plus the browser's hops,
 * which the workbench does not see as exchanges (it hands the URL over, the callback comes back).
 */
public final class SequenceModel {

    /** The parties of an MCP authorization, left to right. */
    public enum Lifeline {
        CLIENT("Client", "MCP Workbench"), BROWSER("Browser", "user agent"), MCP("MCP server", "resource"),
        AS("Authorization", "server · issuer"), IDP("Identity provider", "enterprise IdP"), CIMD("CIMD host", "client metadata");

        private final String title;
        private final String subtitle;

        Lifeline(String title, String subtitle) {
            this.title = title;
            this.subtitle = subtitle;
        }

        public String title() {
            return title;
        }

        public String subtitle() {
            return subtitle;
        }
    }

    /** How an arrow ended: a 2xx/3xx answer, a 4xx/5xx or no answer, or a hop the workbench did not send. */
    public enum Outcome { OK, FAILED, INFO }

    /**
     * One exchange: {@code request} and {@code response} labels; {@code exchangeIndex} is its place in
     * the step's exchanges (-1 for a browser hop); {@code host} the server's host:port for a tooltip.
     */
    public record Arrow(StepItem step, int exchangeIndex, Lifeline from, Lifeline to, String request, String response,
                        Outcome outcome, String host) {

        public boolean isExchange() {
            return exchangeIndex >= 0;
        }
    }

    /** A step's band in the diagram: its title and its arrows. */
    public record Band(StepItem step, List<Arrow> arrows) {
    }

    private final List<Lifeline> lifelines;
    private final List<Band> bands;

    private SequenceModel(List<Lifeline> lifelines, List<Band> bands) {
        this.lifelines = lifelines;
        this.bands = bands;
    }

    public List<Lifeline> lifelines() {
        return lifelines;
    }

    public List<Band> bands() {
        return bands;
    }

    /** Every arrow, in order. */
    public List<Arrow> arrows() {
        return bands.stream().flatMap(b -> b.arrows().stream()).toList();
    }

    public static SequenceModel of(List<StepItem> items) {
        Set<Lifeline> used = EnumSet.of(Lifeline.CLIENT, Lifeline.MCP, Lifeline.AS);
        List<Band> bands = new ArrayList<>();
        for (StepItem item : items) {
            if (item.isPending()) continue;
            FlowStep step = item.step();
            List<Arrow> arrows = new ArrayList<>();
            boolean failed = step.status() == FlowStep.Status.FAILED;
            if (step.kind() == StepKind.AUTHORIZATION_REQUEST) {
                used.add(Lifeline.BROWSER);
                String url = step.inputs().getOrDefault("authorization_url", "");
                arrows.add(new Arrow(item, -1, Lifeline.CLIENT, Lifeline.BROWSER, "open " + pathOf(url), "",
                        failed && step.exchanges().isEmpty() ? Outcome.FAILED : Outcome.INFO, hostOf(url)));
            }
            if (step.kind() == StepKind.TOKEN_EXCHANGE) used.add(Lifeline.IDP);
            int index = 0;
            for (HttpExchange x : step.exchanges()) {
                Lifeline from = step.kind() == StepKind.AUTHORIZATION_REQUEST ? Lifeline.BROWSER : Lifeline.CLIENT;
                arrows.add(new Arrow(item, index++, from, target(step.kind()), x.method() + " " + pathOf(x.uri().toString()),
                        x.answered() ? String.valueOf(x.status()) : "no answer", outcome(x), x.uri().getAuthority()));
            }
            if (step.kind() == StepKind.CLIENT_REGISTRATION) {
                String clientId = step.outputs().getOrDefault("client_id", "");
                if (clientId.startsWith("https://") || clientId.startsWith("http://")) {
                    used.add(Lifeline.CIMD);
                    arrows.add(new Arrow(item, -1, Lifeline.AS, Lifeline.CIMD, "GET client_id document", "",
                            Outcome.INFO, "fetched by the authorization server: " + clientId));
                }
            }
            if (step.kind() == StepKind.CALLBACK) {
                used.add(Lifeline.BROWSER);
                arrows.add(new Arrow(item, -1, Lifeline.BROWSER, Lifeline.CLIENT, "redirect to /callback", "",
                        failed ? Outcome.FAILED : Outcome.INFO, ""));
            }
            bands.add(new Band(item, List.copyOf(arrows)));
        }
        return new SequenceModel(List.copyOf(used), List.copyOf(bands));
    }

    /**
     * Discovery of the resource and the MCP requests go to the MCP server; the ID-JAG token exchange
     * to the enterprise identity provider; the rest to the authorization server.
     */
    static Lifeline target(StepKind kind) {
        return switch (kind) {
            case PROBE, PROTECTED_RESOURCE_METADATA, AUTHENTICATED_REQUEST -> Lifeline.MCP;
            case TOKEN_EXCHANGE -> Lifeline.IDP;
            default -> Lifeline.AS;
        };
    }

    static Outcome outcome(HttpExchange x) {
        return x.answered() && x.status() < 400 ? Outcome.OK : Outcome.FAILED;
    }

    /** The path, with "?…" for a query (the query is in the detail): labels stay short. */
    static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?…");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String hostOf(String url) {
        try {
            String authority = URI.create(url).getAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
