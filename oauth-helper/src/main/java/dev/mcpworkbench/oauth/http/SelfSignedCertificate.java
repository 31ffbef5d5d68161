package dev.mcpworkbench.oauth.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A key pair and a self-signed X.509 certificate for {@code 127.0.0.1}, {@code ::1} and
 * {@code localhost}, made in memory for serving https on loopback. The JDK can use certificates but
 * has no public API to make one, so the certificate is encoded here in DER by hand (a P-256 key,
 * ECDSA with SHA-256, a subjectAltName for the loopback names, valid for {@code validity}); the
 * JDK's own parser reads it back, which proves the encoding. Nothing is written to disk: export
 * {@link #pem()} for a client that should trust it.
 */
public final class SelfSignedCertificate {

    private static final char[] PASSWORD = "loopback".toCharArray();
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final KeyPair keys;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new key and certificate named {@code commonName}, valid from a minute ago for {@code validity}. */
    public static SelfSignedCertificate create(String commonName, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant from = Instant.now().minus(Duration.ofMinutes(1));
            byte[] tbs = seq(
                    tagged(0xA0, integer(BigInteger.TWO)), // version 3
                    integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                    seq(oid("1.2.840.10045.4.3.2")), // ecdsa-with-SHA256
                    name(commonName), // issuer
                    seq(utcTime(from), utcTime(from.plus(validity))),
                    name(commonName), // subject: the same, it is self-signed
                    keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
                    tagged(0xA3, seq(seq(oid("2.5.29.17"), tagged(0x04, seq(
                            tagged(0x87, new byte[] {127, 0, 0, 1}),
                            tagged(0x87, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}),
                            tagged(0x82, "localhost".getBytes(StandardCharsets.US_ASCII))))))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] der = seq(tbs, seq(oid("1.2.840.10045.4.3.2")), tagged(0x03, bitString));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            cert.verify(keys.getPublic());
            return new SelfSignedCertificate(keys, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM, to import into a trust store ({@code keytool -importcert}, a browser, an OS). */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 fingerprint, as {@code AB:CD:...}, to compare with what a client shows. */
    public String sha256Fingerprint() {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            StringBuilder sb = new StringBuilder();
            for (byte b : hash) sb.append(sb.isEmpty() ? "" : ":").append(String.format("%02X", b));
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context that presents this certificate (for a server). */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("loopback", keys.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot use the self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** A TLS context that trusts this certificate and nothing else (for a client). */
    public SSLContext trustingContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("loopback", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot trust the self-signed certificate: " + e.getMessage(), e);
        }
    }

    // DER, just what a certificate needs

    private static byte[] name(String commonName) {
        return seq(tagged(0x31, seq(oid("2.5.4.3"), tagged(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] utcTime(Instant t) {
        return tagged(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    private static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            byte[] base128 = new byte[10];
            int n = 0;
            do {
                base128[n++] = (byte) (v & 0x7F);
                v >>>= 7;
            } while (v > 0);
            for (int j = n - 1; j >= 0; j--) out.write(base128[j] | (j > 0 ? 0x80 : 0));
        }
        return tagged(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return tagged(0x30, out.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
