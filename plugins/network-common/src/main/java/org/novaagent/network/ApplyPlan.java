/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link Applier} is told about a resetnetwork: the desired configuration and the file
 * changes (written and removed paths), from which it derives the interfaces to bounce.
 *
 * @param config  the parsed configuration
 * @param changes the file changes (content changes only are relevant; see {@link FileChange#changesConfig})
 * @param takenOver NICs whose configuration changes because another tool's file is taken over
 *                  ({@link ForeignConfigTakeover}), even when nova-agent's own file for them did not change
 */
public record ApplyPlan(NetworkConfig config, List<FileChange> changes, Set<String> takenOver) {

    /** Copies the collections. */
    public ApplyPlan {
        Objects.requireNonNull(config, "config");
        changes = List.copyOf(changes);
        takenOver = Set.copyOf(takenOver);
    }

    /**
     * A plan with no taken-over files.
     *
     * @param config  the parsed configuration
     * @param changes the file changes
     */
    public ApplyPlan(NetworkConfig config, List<FileChange> changes) {
        this(config, changes, Set.of());
    }

    /** @return root-relative paths created or modified */
    public List<String> writtenPaths() {
        return changes.stream().filter(c -> c.kind() == FileChange.Kind.CREATE || c.kind() == FileChange.Kind.MODIFY)
                .map(FileChange::path).toList();
    }

    /** @return root-relative paths removed (e.g. the config of a detached NIC) */
    public List<String> removedPaths() {
        return changes.stream().filter(c -> c.kind() == FileChange.Kind.DELETE).map(FileChange::path).toList();
    }

    /** @return kernel names of the configured interfaces, in config order */
    public List<String> interfaceNames() {
        return config.interfaces().stream().map(NetInterface::name).toList();
    }
}
