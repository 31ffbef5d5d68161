package dev.mcpworkbench.lab.flawed;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Generates obviously fake credentials and personal data at run time, shaped like the real thing
 * so that the workbench's secret and PII detectors have something to find. None of these values
 * is real; the source holds no complete pattern, so secret scanners stay quiet on the repository.
 */
final class FakeSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private FakeSecrets() {
    }

    /** AKIA + 16 characters, of which the first seven spell LABFAKE. */
    static String awsAccessKeyId() {
        return "AK" + "IA" + "LABFAKE" + random(UPPER_DIGITS, 9);
    }

    static String awsSecretKey() {
        return random(ALNUM, 40);
    }

    /** ghp_ + 36 characters, starting with labfake. */
    static String githubToken() {
        return "gh" + "p_" + "labfake" + random(ALNUM, 29);
    }

    /** A 16-digit number in the 4000 test range whose last digit makes it pass the Luhn check. */
    static String cardNumber() {
        StringBuilder digits = new StringBuilder("4000");
        while (digits.length() < 15) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.append(luhnCheckDigit(digits.toString())).toString();
    }

    static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /** A German-format IBAN with random BBAN and correct ISO 13616 mod-97 check digits. */
    static String iban() {
        String bban = random("0123456789", 18);
        String rearranged = bban + "1314" + "00"; // D=13, E=14, check digits 00
        int check = 98 - new BigInteger(rearranged).mod(BigInteger.valueOf(97)).intValue();
        return "DE" + String.format("%02d", check) + bban;
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
