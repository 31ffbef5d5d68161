package dev.mcpworkbench.oauth.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each active probe against the lab's authorization server: the misbehaviour it exists for raises its
 * finding, the well-configured server raises none and every probe that applies reaches a verdict.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LabProbesTest {

    private static List<ProbeResult> probe(LabSpec spec, String selection, FlowTrace trace) throws FlowException {
        try (RunningLab lab = Lab.start(spec)) {
            FlowOptions options = new FlowOptions("lab-public", null, null, null, 0, Duration.ofSeconds(10), new HeadlessAgent(), null, 2);
            RecordingHttpClient http = new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20);
            try (OAuthSession session = new OAuthSession(lab.mcpUrl(), options, http, trace, new RegistrationStore())) {
                assertThat(session.probeAndAuthorize()).isTrue();
                ProbeContext context = new ProbeContext(lab.mcpUrl(), session.current().orElseThrow(), http, options.agent(),
                        options.callbackTimeout());
                return ProbeRunner.run(ActiveProbes.select(selection), context, trace, ProbeListener.NONE);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PKCE_OPTIONAL, pkce, FAIL",
        "PKCE_PLAIN, pkce, WARN",
        "RESOURCE_IGNORED, resource, WARN",
        "OPEN_DCR, registration, WARN",
        "REDIRECT_PREFIX_MATCH, redirect, FAIL",
        "CIMD_UNCHECKED, cimd, FAIL",
        "NO_REFRESH_ROTATION, refresh-rotation, FAIL",
        "REUSABLE_CODE, code-reuse, FAIL"})
    void eachMisbehaviourRaisesItsProbesFinding(Misbehaviour misbehaviour, String probe, String verdict) throws FlowException {
        FlowTrace trace = new FlowTrace();
        List<ProbeResult> results = probe(LabSpec.secure().withAuth().withAutoApprove().withMisbehaviours(misbehaviour), probe, trace);

        assertThat(results).hasSize(1);
        ProbeResult result = results.get(0);
        assertThat(result.verdict()).as("%s: %s %s", misbehaviour, result.step().notes(), result.findings()).isEqualTo(verdict);
        assertThat(result.findings()).extracting(OAuthFinding::ruleId).containsOnly(misbehaviour.ruleId());
        assertThat(result.step().kind()).isEqualTo(StepKind.ACTIVE_PROBE);
        assertThat(result.step().inputs()).containsEntry("probe", probe).containsKey("sends");
        assertThat(result.step().exchanges()).as("the crafted requests are the evidence").isNotEmpty();
        assertThat(trace.findings()).extracting(OAuthFinding::ruleId).contains(misbehaviour.ruleId());
    }

    @Test
    void theWellConfiguredLabPassesEveryProbeThatApplies() throws FlowException {
        FlowTrace trace = new FlowTrace();
        List<ProbeResult> results = probe(LabSpec.secure().withAuth().withAutoApprove(), "all", trace);

        assertThat(results).hasSize(8);
        for (ProbeResult result : results) {
            assertThat(result.findings()).as(result.probe().name()).filteredOn(f -> f.verdict() != Verdict.INFO).isEmpty();
            String expected = result.probe().name().equals("passthrough") ? "inconclusive" : "passed";
            assertThat(result.verdict()).as("%s: %s", result.probe().name(), result.step().notes()).startsWith(expected);
        }
        assertThat(trace.steps()).filteredOn(s -> s.kind() == StepKind.ACTIVE_PROBE).hasSize(8)
                .allMatch(s -> s.status() != FlowStep.Status.FAILED);
    }
}
