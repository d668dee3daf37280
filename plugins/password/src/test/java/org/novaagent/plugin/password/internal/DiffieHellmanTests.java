/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DH group, exponent size, the 2.x shared-key vector (docs/protocol.md §3.6) and host-value validation. */
class DiffieHellmanTests {

    @Test
    void primeIsTheMersennePrimeOfTheProtocol() {
        assertEquals(BigInteger.TWO.pow(107).subtract(BigInteger.ONE), DiffieHellman.PRIME);
        assertTrue(DiffieHellman.PRIME.isProbablePrime(64));
    }

    @Test
    void sharedKeyVectorFromThe2xTests() throws PasswordException {
        DiffieHellman dh = new DiffieHellman(new BigInteger("2311212056221575424181384077217018408327386330309836"
                + "681185200335772446841869122972713534217535689064137278608958579090107008875567526954383165"
                + "078584702603331246342023613076766721726"));
        BigInteger remote = DiffieHellman.parsePeerPublic("29146890515040234272807524713655");
        assertEquals(new BigInteger("27234591073885988013566387861589"), dh.agree(remote));
    }

    @Test
    void freshExponentIsAtLeast600BitsAndDiffersEachTime() {
        SecureRandom random = new SecureRandom();
        DiffieHellman a = new DiffieHellman(random);
        DiffieHellman b = new DiffieHellman(random);
        assertTrue(a.privateBitLength() >= 600, "bits: " + a.privateBitLength());
        assertNotEquals(a.publicValue(), b.publicValue());
        assertTrue(a.publicValue().compareTo(DiffieHellman.PRIME) < 0);
    }

    @Test
    void bothSidesAgree() throws PasswordException {
        SecureRandom random = new SecureRandom();
        DiffieHellman agent = new DiffieHellman(random);
        DiffieHellman host = new DiffieHellman(new BigInteger(80, random).setBit(79));
        BigInteger s1 = agent.agree(DiffieHellman.parsePeerPublic(host.publicValue().toString()));
        BigInteger s2 = host.agree(agent.publicValue());
        assertEquals(s1, s2);
    }

    @Test
    void clearedStateCannotBeUsed() {
        DiffieHellman dh = new DiffieHellman(new SecureRandom());
        dh.clear();
        assertThrows(IllegalStateException.class, dh::publicValue);
        assertThrows(IllegalStateException.class, () -> dh.agree(BigInteger.TEN));
    }

    @Test
    void acceptsSurroundingWhitespaceAndLeadingZeros() throws PasswordException {
        assertEquals(BigInteger.valueOf(12345), DiffieHellman.parsePeerPublic(" 0012345\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "0", "1", "-5", "+5", "12a", "1e10", "0x1f", "1.5",
        "162259276829213363391578010288126", "162259276829213363391578010288127",
        "162259276829213363391578010288128",
        "11111111111111111111111111111111111111111111111111111111111111111"})
    void rejectsBadHostValues(String value) {
        PasswordException e = assertThrows(PasswordException.class, () -> DiffieHellman.parsePeerPublic(value));
        assertTrue(e.getMessage().startsWith("Invalid key exchange value"), e.getMessage());
    }
}
