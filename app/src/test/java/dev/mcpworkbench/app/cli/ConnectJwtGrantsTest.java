package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.LabAuthorizationServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect --client-key}/{@code --new-client-key} (private_key_jwt) and {@code --grant jwt-bearer}, against the lab. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConnectJwtGrantsTest {

    @Test
    void aPemKeyAuthenticatesTheClientCredentialsGrantAndTheAssertionIsMaskedInTheHar(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        Path pem = dir.resolve("client.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Path har = dir.resolve("flow.har");
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            lab.authorizationServer().orElseThrow().registerKeyClient("machine",
                    new ECKey.Builder(Curve.P_256, (java.security.interfaces.ECPublicKey) pair.getPublic()).build());

            CliRun r = CliRun.of("connect", "--auth", "headless", "--grant", "client-credentials", "--client-id", "machine",
                    "--client-key", pem.toString(), "--trace-file", har.toString(), lab.mcpUrl().toString());

            assertThat(r.exit()).as(r.err()).isZero();
            String text = Files.readString(har);
            assertThat(text).contains("client_assertion=****(").doesNotContain("client_assertion=eyJ");
        }
    }

    @Test
    void aNewKeyIsSavedOwnerOnlyItsPublicHalfPrintedAndItWorksOnceRegistered(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("new-key.jwk");
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            // Not registered yet: the key is made and printed, and the authorization server refuses it.
            CliRun first = CliRun.of("connect", "--auth", "headless", "--grant", "client-credentials", "--client-id", "machine",
                    "--new-client-key", keyFile.toString(), lab.mcpUrl().toString());
            assertThat(first.exit()).isEqualTo(2);
            assertThat(first.err()).contains("register its public JWK").contains("invalid_client");
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String printed = first.err().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
            JWK publicJwk = JWK.parse(printed);
            assertThat(publicJwk.isPrivate()).isFalse();

            lab.authorizationServer().orElseThrow().registerKeyClient("machine", publicJwk);
            CliRun again = CliRun.of("connect", "--auth", "headless", "--grant", "client-credentials", "--client-id", "machine",
                    "--client-key", keyFile.toString(), lab.mcpUrl().toString());
            assertThat(again.exit()).as(again.err()).isZero();

            CliRun refused = CliRun.of("connect", "--auth", "headless", "--grant", "client-credentials", "--client-id", "machine",
                    "--new-client-key", keyFile.toString(), lab.mcpUrl().toString());
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(Files.readString(keyFile)).contains(publicJwk.toJSONObject().get("x").toString());
        }
    }

    @Test
    void aWorkloadTokenFileIsExchangedWithTheJwtBearerGrant(@TempDir Path dir) throws Exception {
        ECKey workloadIdp = new ECKeyGenerator(Curve.P_256).generate();
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            LabAuthorizationServer as = lab.authorizationServer().orElseThrow();
            as.assertions().trustIssuer("https://workload.example", workloadIdp.toPublicJWK());
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), new JWTClaimsSet.Builder()
                    .issuer("https://workload.example").subject("ci-runner").audience(as.issuer().toString())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
            jwt.sign(new ECDSASigner(workloadIdp));
            Path token = dir.resolve("token");
            Files.writeString(token, jwt.serialize() + "\n");

            CliRun r = CliRun.of("connect", "--auth", "headless", "--grant", "jwt-bearer", "--assertion", "file:" + token, "--json",
                    lab.mcpUrl().toString());

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain(jwt.serialize());
        }
    }

    @Test
    void optionsThatDoNotFitTheGrantAreRefusedBeforeConnecting() {
        assertThat(CliRun.of("connect", "--grant", "jwt-bearer", "http://127.0.0.1:9/mcp").err()).contains("needs --assertion");
        assertThat(CliRun.of("connect", "--grant", "jwt-bearer", "--assertion", "eyJhbGciOi", "http://127.0.0.1:9/mcp").err())
                .contains("file:PATH or env:NAME");
        assertThat(CliRun.of("connect", "--assertion", "env:X", "http://127.0.0.1:9/mcp").err()).contains("applies to --grant jwt-bearer");
        assertThat(CliRun.of("connect", "--grant", "id-jag", "--id-token", "env:X", "http://127.0.0.1:9/mcp").err())
                .contains("--idp-token-endpoint");
        assertThat(CliRun.of("connect", "--grant", "password", "http://127.0.0.1:9/mcp").err()).contains("--grant takes authorization-code, client-credentials, jwt-bearer, id-jag");
    }
}
