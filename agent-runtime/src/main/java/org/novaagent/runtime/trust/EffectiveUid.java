/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's effective uid without native code: on Linux {@code /proc/self} is owned by the
 * effective uid of the process. Where that cannot be read (no procfs, not Linux), 0 is assumed,
 * which only narrows the trust rule to root.
 */
final class EffectiveUid {

    private EffectiveUid() {
    }

    static int get() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return 0;
        }
    }
}
