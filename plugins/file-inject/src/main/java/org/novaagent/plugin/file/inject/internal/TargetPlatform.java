/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import org.novaagent.api.Applicability;
import org.novaagent.api.HostFacts;

/**
 * The applicability rule both handlers share: every target, with the path rules and writer of its
 * platform ({@code /...} paths through {@code SafeFiles}, {@code C:\...} paths through
 * {@code WindowsFiles}). Exists so {@code plugins list} and {@code doctor} say which one applies.
 */
final class TargetPlatform {

    private TargetPlatform() {
    }

    static Applicability applicability(HostFacts facts) {
        if (facts.isWindows()) {
            return Applicability.yes("Windows target: C:\\... paths on the system drive, written under the target root");
        }
        return Applicability.yes("POSIX target: writes under the target root");
    }
}
