/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The nova host's side of keyinit/password (nova {@code SimpleDH}): an 80-bit private
 * exponent, and the password encrypted by the real openssl with the trailing newline nova adds.
 */
final class HostSimulator {

    private final BigInteger privateExponent = new BigInteger(80, new SecureRandom()).setBit(79);
    private BigInteger shared;

    /** @return the keyinit value: g^a mod p in decimal */
    String keyInitValue() {
        return DiffieHellman.GENERATOR.modPow(privateExponent, DiffieHellman.PRIME).toString();
    }

    /** Completes the exchange with the agent's {@code D0} message. */
    void receive(String agentPublic) {
        shared = new BigInteger(agentPublic).modPow(privateExponent, DiffieHellman.PRIME);
    }

    /** @return the shared secret's decimal string (the passphrase) */
    String sharedSecret() {
        return shared.toString();
    }

    /** @return the password request value, as nova builds it ({@code md} md5 or sha256) */
    String encrypt(String password, String md) throws IOException, InterruptedException {
        return OpenSsl.withPassphrase(sharedSecret())
                .encrypt((password + "\n").getBytes(StandardCharsets.UTF_8), md);
    }
}
