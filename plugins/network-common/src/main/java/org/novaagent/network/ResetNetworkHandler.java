/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.time.Duration;
import java.util.Optional;
import org.novaagent.api.CommandHandler;

/**
 * What every {@code resetnetwork} handler has in common, so that no backend can forget part of it:
 * the command name, the priority taken from its place in {@link NetworkBackend}'s one ordered list,
 * the request timeout {@link ResetNetworkFlow#REQUEST_TIMEOUT} (restarting networking outlasts the
 * runtime's default), and dry-run support ({@link ResetNetworkFlow} reports a diff and the commands
 * instead of acting). A plugin's handler implements this interface and adds only
 * {@link #backend()}, {@code applicability} and {@code handle}.
 */
public interface ResetNetworkHandler extends CommandHandler {

    /** @return this handler's place in the one backend order */
    NetworkBackend backend();

    @Override
    default String name() {
        return "resetnetwork";
    }

    @Override
    default int priority() {
        return backend().priority();
    }

    @Override
    default Optional<Duration> timeout() {
        return Optional.of(ResetNetworkFlow.REQUEST_TIMEOUT);
    }

    @Override
    default boolean supportsDryRun() {
        return true;
    }
}
