/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

/**
 * What a decrypted password must look like before anything is changed: not empty, at most
 * {@value #MAX_LENGTH} characters and free of control characters (which would break
 * {@code chpasswd}'s line format and are never typed by a user).
 */
final class PasswordRules {

    /** Longest accepted password, in Unicode code points. */
    static final int MAX_LENGTH = 255;

    private PasswordRules() {
    }

    /**
     * @param password the decrypted password
     * @throws PasswordException with a host-safe message when a rule is broken
     */
    static void check(PlainPassword password) throws PasswordException {
        if (password.isEmpty()) {
            throw new PasswordException("Invalid password: empty");
        }
        if (password.codePointCount() > MAX_LENGTH) {
            throw new PasswordException("Invalid password: longer than " + MAX_LENGTH + " characters");
        }
        if (password.hasControlCharacter()) {
            throw new PasswordException("Invalid password: contains control characters");
        }
    }
}
