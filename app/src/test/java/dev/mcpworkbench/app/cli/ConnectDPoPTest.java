package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.DPoPPolicy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code connect --dpop} and DPoP demanded by the server, through the one connection path (the raw
 * client and its authorization hook) against the lab, whose MCP server refuses a bound token
 * without a valid proof for each request.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectDPoPTest {

    @Test
    void dpopOnAServerThatTakesBothGetsABoundTokenAndCallsATool() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            CliRun r = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", "--dpop", "--call", "search_notes",
                    "--args", "{\"query\":\"x\"}", lab.mcpUrl().toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("token DPoP ").contains("token binding: DPoP, cnf.jkt ").contains("(this session's key)")
                    .contains("Called search_notes");
        }
    }

    @Test
    void withoutTheOptionATokenStaysBearer() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            CliRun r = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", lab.mcpUrl().toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("token Bearer ").doesNotContain("token binding");
        }
    }

    @Test
    void aServerThatDemandsDPoPWithNoncesIsServedWithoutTheOption() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withDPoP(DPoPPolicy.NONCE))) {
            CliRun r = CliRun.of("connect", "--auth", "headless", "--client-id", "lab-public", "--call", "search_notes",
                    "--args", "{\"query\":\"x\"}", lab.mcpUrl().toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("token DPoP ").contains("(this session's key)").contains("Called search_notes");
        }
    }
}
