/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;

/**
 * Root-relative paths or globs (java.nio {@code glob:} syntax, e.g.
 * {@code etc/sysconfig/network-scripts/ifcfg-*}) of files a renderer owns. A file that matches,
 * carries {@link Headers#MARKER} and is no longer rendered is removed by the {@link FileStager}
 * (for example the config of a detached NIC). {@code .bak} files never match.
 *
 * @param globs the patterns; never null
 */
public record OwnedFiles(List<String> globs) {

    /** Copies the list and rejects absolute patterns. */
    public OwnedFiles {
        globs = List.copyOf(globs);
        for (String g : globs) {
            if (g.startsWith("/") || g.contains("..")) {
                throw new IllegalArgumentException("owned glob must be relative and inside the root: " + g);
            }
        }
    }

    /**
     * @param globs the patterns
     * @return the owned set
     */
    public static OwnedFiles of(String... globs) {
        return new OwnedFiles(List.of(globs));
    }

    /** @return an empty set: nothing is ever removed */
    public static OwnedFiles none() {
        return new OwnedFiles(List.of());
    }
}
