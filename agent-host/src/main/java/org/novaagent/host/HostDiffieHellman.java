/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The host half of the keyinit exchange, like nova's {@code SimpleDH}: p = 2^107 - 1, g = 5 and a
 * private exponent of 80 random bits by default. The shared secret's decimal string is the password
 * cipher's passphrase.
 */
public final class HostDiffieHellman {

    /** The prime every agent uses. */
    public static final BigInteger PRIME = new BigInteger("162259276829213363391578010288127");
    /** The generator every agent uses. */
    public static final BigInteger GENERATOR = BigInteger.valueOf(5);
    /** nova's private exponent size: 10 bytes from {@code os.urandom}. */
    public static final int NOVA_PRIVATE_BITS = 80;

    private final BigInteger privateKey;
    private final BigInteger publicKey;
    private BigInteger shared;

    /** A fresh key pair with nova's 80-bit private exponent. */
    public HostDiffieHellman() {
        this(NOVA_PRIVATE_BITS, new SecureRandom());
    }

    /**
     * @param privateBits size of the private exponent in bits (at least 8)
     * @param random      randomness source
     */
    public HostDiffieHellman(int privateBits, SecureRandom random) {
        if (privateBits < 8) {
            throw new IllegalArgumentException("private exponent too small: " + privateBits + " bits");
        }
        BigInteger x;
        do {
            x = new BigInteger(privateBits, random);
        } while (x.signum() == 0);
        this.privateKey = x;
        this.publicKey = GENERATOR.modPow(privateKey, PRIME);
    }

    /** @return g^a mod p in decimal, the keyinit value */
    public String publicKeyDecimal() {
        return publicKey.toString();
    }

    /**
     * Computes the shared secret from the agent's public key (the D0 reply's message).
     *
     * @param agentPublicDecimal the agent's public key in decimal
     * @return the shared secret in decimal
     * @throws NumberFormatException when the text is not a decimal integer
     * @throws IllegalArgumentException when the key is outside 1..p-1
     */
    public String computeShared(String agentPublicDecimal) {
        BigInteger b = new BigInteger(agentPublicDecimal.strip());
        if (b.signum() <= 0 || b.compareTo(PRIME) >= 0) {
            throw new IllegalArgumentException("agent public key out of range");
        }
        shared = b.modPow(privateKey, PRIME);
        return shared.toString();
    }

    /** @return the shared secret in decimal once {@link #computeShared} has run */
    public Optional<String> sharedSecret() {
        return Optional.ofNullable(shared).map(BigInteger::toString);
    }
}
