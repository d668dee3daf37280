/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The agent's side of the keyinit Diffie-Hellman exchange (docs/protocol.md §3.1–§3.3): the fixed
 * 107-bit group shared with nova, a fresh private exponent per exchange and strict validation of
 * the host's public number.
 */
final class DiffieHellman {

    /** The group prime shared by nova and every agent: 2^107 - 1. */
    static final BigInteger PRIME = new BigInteger("162259276829213363391578010288127");

    /** The group generator. */
    static final BigInteger GENERATOR = BigInteger.valueOf(5);

    /** Private exponent size, as the 2.x agent (75 random bytes). */
    static final int PRIVATE_BITS = 600;

    /** Longest decimal value accepted from the host (p has 33 digits; leading zeros allowed). */
    static final int MAX_PUBLIC_DIGITS = 64;

    private BigInteger privateExponent;
    private BigInteger publicValue;

    /**
     * Creates a key pair with a fresh private exponent of exactly {@link #PRIVATE_BITS} bits.
     *
     * @param random the source of randomness
     */
    DiffieHellman(SecureRandom random) {
        this(new BigInteger(PRIVATE_BITS, random).setBit(PRIVATE_BITS - 1));
    }

    /**
     * Creates a key pair from a known private exponent (test vectors).
     *
     * @param privateExponent the private exponent, positive
     */
    DiffieHellman(BigInteger privateExponent) {
        this.privateExponent = Objects.requireNonNull(privateExponent, "privateExponent");
        if (privateExponent.signum() <= 0) {
            throw new IllegalArgumentException("private exponent must be positive");
        }
        this.publicValue = GENERATOR.modPow(privateExponent, PRIME);
    }

    /** @return our public number g^b mod p */
    BigInteger publicValue() {
        requireLive();
        return publicValue;
    }

    /** @return the bit length of the private exponent (for tests; the exponent never leaves) */
    int privateBitLength() {
        requireLive();
        return privateExponent.bitLength();
    }

    /**
     * Computes the shared secret A^b mod p.
     *
     * @param peerPublic the host's validated public number
     * @return the shared secret
     */
    BigInteger agree(BigInteger peerPublic) {
        requireLive();
        return peerPublic.modPow(privateExponent, PRIME);
    }

    /** Drops the private exponent and public value; the object is unusable afterwards. */
    void clear() {
        privateExponent = null;
        publicValue = null;
    }

    /**
     * Parses and validates the host's public number: decimal digits only (surrounding whitespace
     * is ignored), at most {@link #MAX_PUBLIC_DIGITS} digits, and 1 &lt; A &lt; p - 1 so that a
     * degenerate value cannot force a predictable shared secret.
     *
     * @param value the keyinit request value
     * @return the host's public number
     * @throws PasswordException when the value is not acceptable
     */
    static BigInteger parsePeerPublic(String value) throws PasswordException {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new PasswordException("Invalid key exchange value: empty");
        }
        if (text.length() > MAX_PUBLIC_DIGITS) {
            throw new PasswordException("Invalid key exchange value: too long");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new PasswordException("Invalid key exchange value: not a decimal number");
            }
        }
        BigInteger a = new BigInteger(text);
        if (a.compareTo(BigInteger.ONE) <= 0 || a.compareTo(PRIME.subtract(BigInteger.ONE)) >= 0) {
            throw new PasswordException("Invalid key exchange value: out of range");
        }
        return a;
    }

    private void requireLive() {
        if (privateExponent == null) {
            throw new IllegalStateException("Diffie-Hellman state was cleared");
        }
    }
}
