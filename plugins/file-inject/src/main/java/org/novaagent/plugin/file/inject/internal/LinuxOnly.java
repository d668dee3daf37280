/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import org.novaagent.api.Applicability;
import org.novaagent.api.HostFacts;

/** The applicability rule both handlers share: POSIX paths and permissions, so not Windows. */
final class LinuxOnly {

    private LinuxOnly() {
    }

    static Applicability applicability(HostFacts facts) {
        if (facts.isWindows()) {
            return Applicability.no("Windows paths (C:\\...) and ACLs are not supported by this plugin");
        }
        return Applicability.yes("POSIX target: writes under the target root");
    }
}
