/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.HealthCheck;
import org.novaagent.api.HealthFinding;

/**
 * What every {@code resetnetwork} handler has in common, so that no backend can forget part of it:
 * the command name, the priority taken from its place in {@link NetworkBackend}'s one ordered list,
 * the request timeout {@link ResetNetworkFlow#REQUEST_TIMEOUT} (restarting networking outlasts the
 * runtime's default), dry-run support ({@link ResetNetworkFlow} reports a diff and the commands
 * instead of acting), and {@code agent doctor}'s check of other tools' network files
 * ({@link HealthCheck}, through {@link ForeignConfigReport} with the handler's own
 * {@link #foreignConfig detector} and {@link #nics NIC source}, so doctor looks at exactly what
 * the handler's resetnetwork would take over). A plugin's handler implements this interface and
 * adds only {@link #backend()}, {@code applicability} and {@code handle}, plus
 * {@link #foreignConfig} and {@link #nics} when it has them, which its {@code handle} passes to
 * {@link ResetNetworkFlow}.
 */
public interface ResetNetworkHandler extends CommandHandler, HealthCheck {

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

    /**
     * @param context the request's or doctor's context (some backends choose a format from the host)
     * @return the detector of other tools' files this handler takes over; {@link ForeignConfigDetector#NONE} by default
     */
    default ForeignConfigDetector foreignConfig(CommandContext context) {
        return ForeignConfigDetector.NONE;
    }

    /** @return where this handler finds the real NICs; Linux's sysfs by default */
    default NicSource nics() {
        return NicSource.SYSFS;
    }

    /** Reports the files of other tools that the next resetnetwork would take over ({@link ForeignConfigReport}). */
    @Override
    default List<HealthFinding> checkHealth(CommandContext context) throws IOException, InterruptedException {
        return new ForeignConfigReport(nics()).check(context, foreignConfig(context));
    }
}
