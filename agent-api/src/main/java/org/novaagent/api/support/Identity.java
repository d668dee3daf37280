/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/**
 * Who the agent is (its effective user), to check that a directory it just created, or a private
 * directory it relies on, is really its own. Read once from the owner of {@code /proc/self} (the
 * effective uid on Linux), else from the {@code user.name} property.
 */
final class Identity {

    private Identity() {
    }

    /** @return the agent's effective user */
    static UserPrincipal self() {
        return Holder.SELF;
    }

    private static final class Holder {
        private static final UserPrincipal SELF = find();

        private static UserPrincipal find() {
            try {
                return Files.getOwner(Path.of("/proc/self"));
            } catch (IOException | UnsupportedOperationException e) {
                try {
                    return FileSystems.getDefault().getUserPrincipalLookupService()
                            .lookupPrincipalByName(System.getProperty("user.name"));
                } catch (IOException f) {
                    f.addSuppressed(e);
                    throw new UncheckedIOException("cannot tell which user the agent runs as", f);
                }
            }
        }
    }
}
