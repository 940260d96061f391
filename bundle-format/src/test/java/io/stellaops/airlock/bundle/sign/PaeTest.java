package io.stellaops.airlock.bundle.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaeTest {
    @Test
    void matchesTheDsseSpecificationTestVector() {
        byte[] pae = Pae.encode("http://example.com/HelloWorld", "hello world".getBytes(UTF_8));
        assertThat(new String(pae, UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void countsBytesNotCharacters() {
        byte[] pae = Pae.encode("t/ä", "€".getBytes(UTF_8));
        assertThat(pae).isEqualTo("DSSEv1 4 t/ä 3 €".getBytes(UTF_8));
    }

    @Test
    void encodesAnEmptyPayload() {
        assertThat(new String(Pae.encode("x", new byte[0]), UTF_8)).isEqualTo("DSSEv1 1 x 0 ");
    }
}
