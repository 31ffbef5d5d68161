package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The flow against the lab's authorization server: the good configuration raises nothing, and each
 * misbehaviour the flow can observe passively raises its OAUTH finding.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabAuthorizationServerTest {

    private static final String LAB_PUBLIC_CLIENT = "lab-public";

    private static FlowTrace authorize(LabSpec spec) {
        FlowTrace trace = new FlowTrace();
        try (RunningLab lab = Lab.start(spec)) {
            FlowOptions options = new FlowOptions(LAB_PUBLIC_CLIENT, null, null, null, 0, Duration.ofSeconds(10),
                    new HeadlessAgent(), null, 2);
            OAuthSession session = new OAuthSession(lab.mcpUrl(), options,
                    new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20), trace, new RegistrationStore());
            try {
                session.probeAndAuthorize();
            } catch (FlowException e) {
                // a misbehaviour may stop the flow; the finding says why
            }
        }
        return trace;
    }

    @Test
    void theGoodConfigurationAuthorizesWithoutFindings() {
        FlowTrace trace = authorize(LabSpec.secure().withAuth().withAutoApprove());
        assertThat(trace.steps()).extracting(FlowStep::kind).contains(StepKind.TOKEN_REQUEST, StepKind.AUTHENTICATED_REQUEST);
        assertThat(trace.steps()).allMatch(s -> s.status() == FlowStep.Status.PASSED, "every step passed");
        assertThat(trace.findings()).filteredOn(f -> f.verdict() != Verdict.INFO).isEmpty();
        FlowStep last = trace.steps().get(trace.steps().size() - 1);
        assertThat(last.outputs()).containsEntry("status", "200");
    }

    @Test
    void aLocalServerWithoutAuthorizationIsNotNaggedAboutIt() {
        FlowTrace trace = new FlowTrace();
        try (RunningLab lab = Lab.start(LabSpec.secure())) {
            OAuthSession session = new OAuthSession(lab.mcpUrl(), FlowOptions.headless(),
                    new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20), trace, new RegistrationStore());
            assertThat(session.probeAndAuthorize()).isFalse();
        } catch (FlowException e) {
            throw new AssertionError(e);
        }
        assertThat(trace.findings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Misbehaviour.class, names = {
        "UNAUTHENTICATED_ACCESS", "CHALLENGE_WITHOUT_METADATA", "NO_RESOURCE_METADATA", "PRM_RESOURCE_MISMATCH", "BROAD_SCOPES", "UNSAFE_METADATA_URLS",
        "METADATA_ROOT_ONLY", "WRONG_ISSUER", "METADATA_INCOMPLETE", "NO_S256_ADVERTISED", "PKCE_PLAIN", "NO_ISS", "WRONG_ISS",
        "NO_CIMD", "NO_STORE_MISSING", "STATE_NOT_ECHOED", "ALG_NONE", "LONG_LIVED_TOKENS"})
    void eachPassiveMisbehaviourRaisesItsFinding(Misbehaviour misbehaviour) {
        FlowTrace trace = authorize(LabSpec.secure().withAuth().withAutoApprove().withMisbehaviours(misbehaviour));
        List<String> ids = trace.findings().stream().map(OAuthFinding::ruleId).toList();
        // plain PKCE accepted is a probe (OAUTH-016); passively the flow sees plain advertised (OAUTH-015, warning)
        String expected = misbehaviour == Misbehaviour.PKCE_PLAIN ? "OAUTH-015" : misbehaviour.ruleId();
        assertThat(ids).as("%s: %s", misbehaviour, trace.findings()).contains(expected);
    }
}
