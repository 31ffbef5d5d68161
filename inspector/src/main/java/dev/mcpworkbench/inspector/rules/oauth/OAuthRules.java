package dev.mcpworkbench.inspector.rules.oauth;

import java.util.List;
import java.util.Optional;

/** The OAUTH rules in catalog order. Adding a check means adding its class here; nothing is discovered. */
public final class OAuthRules {

    private static final List<FlowRule> ALL = List.of(
            new UnauthenticatedAccess(),
            new BadChallenge(),
            new ProtectedResourceMetadataUnreachable(),
            new ProtectedResourceMetadataInvalid(),
            new ResourceMismatch(),
            new ScopeHygiene(),
            new BadTokenAccepted(),
            new TokenInQueryAccepted(),
            new AudienceNotEnforced(),
            new StepUpWrong(),
            new UnsafeMetadataUrls(),
            new AuthorizationServerMetadataMissing(),
            new IssuerMismatch(),
            new AuthorizationServerMetadataIncomplete(),
            new PkceNotAdvertised(),
            new PkceNotEnforced(),
            new ResourceIndicatorIgnored(),
            new IssParameter(),
            new NoClientIdMetadataDocuments(),
            new OpenDynamicRegistration(),
            new RedirectUriNotExactMatch(),
            new UnsafeCimdHandling(),
            new RefreshTokenNotRotated(),
            new AuthorizationCodeReusable(),
            new TokenResponseHygiene(),
            new StateMishandled(),
            new JwtAccessTokenHygiene(),
            new TokenPassthrough());

    private OAuthRules() {
    }

    public static List<FlowRule> all() {
        return ALL;
    }

    public static Optional<FlowRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
