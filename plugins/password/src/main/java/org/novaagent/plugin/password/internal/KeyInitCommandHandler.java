/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code keyinit} (docs/protocol.md §2.5) on every OS: answers {@code "D0"} with our public
 * number and keeps the shared secret in the {@link PasswordSession} for the next password.
 */
public final class KeyInitCommandHandler implements CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KeyInitCommandHandler.class);

    private final SecureRandom random;

    /** ServiceLoader constructor. */
    public KeyInitCommandHandler() {
        this(new SecureRandom());
    }

    KeyInitCommandHandler(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String name() {
        return "keyinit";
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) {
        BigInteger hostPublic;
        try {
            hostPublic = DiffieHellman.parsePeerPublic(request.value());
        } catch (PasswordException e) {
            LOG.warn("keyinit rejected: {}", e.getMessage());
            return CommandResult.of(PasswordFlow.FAILURE, e.getMessage());
        }
        DiffieHellman dh = new DiffieHellman(random);
        try {
            byte[] secret = SecretDigits.decimalAscii(dh.agree(hostPublic));
            try {
                context.sharedState(PasswordSession.class, PasswordSession::new).replace(secret);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            LOG.info("key exchange done; waiting for password");
            return CommandResult.of("D0", dh.publicValue().toString());
        } finally {
            dh.clear();
        }
    }
}
