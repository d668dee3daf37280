/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.util.Arrays;
import java.util.Optional;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of {@code password} shared by the Linux and Windows handlers: session check,
 * decryption, validation, then the OS-specific {@link Applier}; the session is cleared only on
 * success, so the host may retry after a failure.
 */
final class PasswordFlow {

    /** Error code of every password failure, as a string (the 2.x agent sent an int). */
    static final String FAILURE = "500";

    /** The one reply to password data that does not decode, decrypt or pass {@link PasswordRules}. */
    static final String INVALID_DATA = "Invalid password data received";

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFlow.class);

    /** Applies a validated password to the system. */
    @FunctionalInterface
    interface Applier {
        /**
         * @param password the validated password; do not keep it
         * @throws PasswordException    with a host-safe message
         * @throws InterruptedException when cancelled
         */
        void apply(PlainPassword password) throws PasswordException, InterruptedException;
    }

    private PasswordFlow() {
    }

    /**
     * @param request the password request
     * @param context the request context
     * @param applier the OS-specific step
     * @return {@code "0"} on success, {@code "500"} with a host-safe message otherwise
     * @throws InterruptedException when cancelled
     */
    static CommandResult run(CommandRequest request, CommandContext context, Applier applier)
            throws InterruptedException {
        PasswordSession session = context.sharedState(PasswordSession.class, PasswordSession::new);
        Optional<byte[]> passphrase = session.copy();
        if (passphrase.isEmpty()) {
            return failure("Password without key exchange");
        }
        byte[] secret = passphrase.get();
        PlainPassword password = null;
        try {
            password = PasswordCipher.decrypt(request.value(), secret);
            PasswordRules.check(password);
        } catch (PasswordException e) {
            // one answer for every kind of bad password data (issue #19, finding 8): telling bad
            // base64, bad padding and a bad plaintext apart would be an oracle; the log has the detail
            LOG.warn("password data rejected: {}", e.getMessage());
            if (password != null) {
                password.close();
            }
            Arrays.fill(secret, (byte) 0);
            return CommandResult.of(FAILURE, INVALID_DATA);
        }
        try (PlainPassword checked = password) {
            applier.apply(checked);
            session.clear();
            return CommandResult.ok();
        } catch (PasswordException e) {
            return failure(e.getMessage());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static CommandResult failure(String message) {
        LOG.warn("password request failed: {}", message);
        return CommandResult.of(FAILURE, message);
    }
}
