/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.novaagent.runtime.AgentAssembly;

/**
 * What the checks look at.
 *
 * @param agent        the assembled agent on the target root (selection, facts, plugins directory)
 * @param configFile   the configuration file in use
 * @param xenStorePath {@code --xenstore} / {@code xenstore.path}, empty for the stock search order
 * @param clock        the clock
 * @param notBefore    a time the clock cannot be before (the agent's build), for the clock check
 * @param minFreeBytes free space below which {@code var/lib/nova-agent} fails the disk check
 */
public record DoctorContext(AgentAssembly agent, Path configFile, Optional<Path> xenStorePath, Clock clock,
                            Instant notBefore, long minFreeBytes) {

    /** The free space the agent wants for its state and backups by default: 16 MiB. */
    public static final long DEFAULT_MIN_FREE = 16L << 20;

    /** @return the target root */
    public Path root() {
        return agent.root();
    }

    /** @return true on the live system (processes may be asked, e.g. systemctl) */
    public boolean live() {
        return agent.liveSystem();
    }
}
