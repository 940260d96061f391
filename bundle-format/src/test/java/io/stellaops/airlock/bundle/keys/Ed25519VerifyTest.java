package io.stellaops.airlock.bundle.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 verification goes through Bouncy Castle's RFC 8032 verifier on the message in place;
 * it must agree with the JDK's own EdDSA {@code Signature} (an independent implementation) on
 * genuine, altered and malleated signatures.
 */
class Ed25519VerifyTest {
    private static final BigInteger GROUP_ORDER = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void agreesWithTheJdkOnGenuineAndAlteredSignatures() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 50; round++) {
            byte[] message = new byte[random.nextInt(5000)];
            random.nextBytes(message);
            byte[] sig = jdkSign(pair, message);
            assertAgree(pair, message, sig, true);
            assertAgree(other, message, sig, false);
            byte[] flipped = sig.clone();
            flipped[random.nextInt(sig.length)] ^= (byte) (1 << random.nextInt(8));
            assertAgree(pair, message, flipped, false);
            if (message.length > 0) {
                byte[] altered = message.clone();
                altered[random.nextInt(message.length)] ^= 1;
                assertAgree(pair, altered, sig, false);
            }
            assertAgree(pair, message, Arrays.copyOf(sig, 63), false);
            // Stricter than the JDK, which accepts a signature with bytes appended (JDK 17 reads the
            // first 64): RFC 8032 signatures are exactly 64 bytes, so a longer one is another encoding.
            assertThat(KeyAlgorithm.ED25519.verify(pair.getPublic(), message, Arrays.copyOf(sig, 65))).isFalse();
        }
    }

    @Test
    void refusesTheMalleatedSignatureWithSPlusTheGroupOrder() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = "DSSEv1 28 application/vnd.in-toto+json 2 {}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sig = jdkSign(pair, message);
        byte[] s = Arrays.copyOfRange(sig, 32, 64);
        BigInteger bigger = littleEndian(s).add(GROUP_ORDER);
        byte[] malleated = sig.clone();
        System.arraycopy(toLittleEndian(bigger), 0, malleated, 32, 32);
        assertAgree(pair, message, malleated, false);
    }

    private static void assertAgree(KeyPair pair, byte[] message, byte[] sig, boolean expected) throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(pair.getPublic());
        jdk.update(message);
        boolean jdkSays;
        try {
            jdkSays = jdk.verify(sig);
        } catch (java.security.SignatureException e) {
            jdkSays = false;
        }
        assertThat(jdkSays).isEqualTo(expected);
        assertThat(KeyAlgorithm.ED25519.verify(pair.getPublic(), message, sig)).isEqualTo(expected);
    }

    private static byte[] jdkSign(KeyPair pair, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] big = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            big[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, big);
    }

    private static byte[] toLittleEndian(BigInteger value) {
        byte[] big = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }
}
