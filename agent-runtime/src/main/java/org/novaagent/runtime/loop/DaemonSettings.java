/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.novaagent.runtime.state.PosixStateFiles;
import org.novaagent.runtime.state.StateFiles;

/**
 * The knobs of the message loop, in one immutable value (filled by {@code agent run} from its
 * options and the configuration file; tests shorten the durations).
 *
 * @param xenStorePath    {@code --xenstore PATH}: socket or device overriding the search order
 * @param once            {@code --once}: process what is pending, then return
 * @param defaultTimeout  handler timeout for commands without an entry in {@code commandTimeouts}
 * @param commandTimeouts handler timeout per command name
 * @param rescanInterval  the safety re-scan of {@code data/host} (in case a watch event is missed)
 *                        and the period of the stale-reply sweep
 * @param staleReplyGrace how long a {@code data/guest/<id>} reply whose request is gone is kept
 * @param reconnectMin    first delay before reconnecting to XenStore
 * @param reconnectMax    longest delay between reconnection attempts (the delay doubles)
 * @param shutdownGrace   how long a shutdown (SIGTERM) waits for the request in progress
 * @param readyWait       how long the agent tries to reach XenStore before it tells the service
 *                        manager it is ready anyway (with a status saying what it waits for), so a
 *                        boot without XenStore is not held up; zero = at the first failed attempt
 * @param journal         the state files whose {@code requests} directory holds the request journal
 *                        (exactly once across restarts; {@link StateFiles#forHost} picks POSIX or
 *                        Windows); empty = no journal (this run only)
 */
public record DaemonSettings(Optional<Path> xenStorePath, boolean once, Duration defaultTimeout,
                             Map<String, Duration> commandTimeouts, Duration rescanInterval,
                             Duration staleReplyGrace, Duration reconnectMin, Duration reconnectMax,
                             Duration shutdownGrace, Duration readyWait, Optional<StateFiles> journal) {

    /** Default handler timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Default {@link #readyWait()}: XenStore is there from early boot on a Xen guest. */
    public static final Duration DEFAULT_READY_WAIT = Duration.ofSeconds(10);

    /** Validates and copies the components. */
    public DaemonSettings {
        Objects.requireNonNull(xenStorePath, "xenStorePath");
        commandTimeouts = Map.copyOf(commandTimeouts);
        requirePositive(defaultTimeout, "defaultTimeout");
        commandTimeouts.forEach((name, timeout) -> requirePositive(timeout, "timeout of " + name));
        requirePositive(rescanInterval, "rescanInterval");
        requirePositive(staleReplyGrace, "staleReplyGrace");
        requirePositive(reconnectMin, "reconnectMin");
        requirePositive(reconnectMax, "reconnectMax");
        requirePositive(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(readyWait, "readyWait");
        Objects.requireNonNull(journal, "journal");
        if (readyWait.isNegative()) {
            throw new IllegalArgumentException("readyWait must not be negative");
        }
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax must not be below reconnectMin");
        }
    }

    /**
     * @return the defaults: search order for XenStore, run forever, 30 s per command (no
     *         per-command entries: {@code agent run} fills them from the handlers' declared
     *         timeouts and the configuration), re-scan every 60 s, stale replies kept 300 s, reconnect 100 ms → 5 s,
     *         shutdown waits up to 25 s, ready without XenStore after 10 s, no journal
     */
    public static DaemonSettings defaults() {
        return new DaemonSettings(Optional.empty(), false, DEFAULT_TIMEOUT, Map.of(),
                Duration.ofSeconds(60), Duration.ofSeconds(300), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(25), DEFAULT_READY_WAIT, Optional.empty());
    }

    /** @return the handler timeout for a command */
    public Duration timeoutFor(String command) {
        return commandTimeouts.getOrDefault(command, defaultTimeout);
    }

    /** @return a copy with another XenStore path */
    public DaemonSettings withXenStorePath(Optional<Path> path) {
        return new DaemonSettings(path, once, defaultTimeout, commandTimeouts, rescanInterval,
                staleReplyGrace, reconnectMin, reconnectMax, shutdownGrace, readyWait, journal);
    }

    /** @return a copy with another once flag */
    public DaemonSettings withOnce(boolean value) {
        return new DaemonSettings(xenStorePath, value, defaultTimeout, commandTimeouts, rescanInterval,
                staleReplyGrace, reconnectMin, reconnectMax, shutdownGrace, readyWait, journal);
    }

    /** @return a copy with other handler timeouts */
    public DaemonSettings withTimeouts(Duration defaultValue, Map<String, Duration> perCommand) {
        return new DaemonSettings(xenStorePath, once, defaultValue, perCommand, rescanInterval,
                staleReplyGrace, reconnectMin, reconnectMax, shutdownGrace, readyWait, journal);
    }

    /** @return a copy with another re-scan interval and stale-reply grace */
    public DaemonSettings withRescan(Duration interval, Duration grace) {
        return new DaemonSettings(xenStorePath, once, defaultTimeout, commandTimeouts, interval,
                grace, reconnectMin, reconnectMax, shutdownGrace, readyWait, journal);
    }

    /** @return a copy with other reconnection delays */
    public DaemonSettings withReconnect(Duration min, Duration max) {
        return new DaemonSettings(xenStorePath, once, defaultTimeout, commandTimeouts, rescanInterval,
                staleReplyGrace, min, max, shutdownGrace, readyWait, journal);
    }

    /** @return a copy with another shutdown grace */
    public DaemonSettings withShutdownGrace(Duration grace) {
        return new DaemonSettings(xenStorePath, once, defaultTimeout, commandTimeouts, rescanInterval,
                staleReplyGrace, reconnectMin, reconnectMax, grace, readyWait, journal);
    }

    /** @return a copy with another ready wait */
    public DaemonSettings withReadyWait(Duration wait) {
        return new DaemonSettings(xenStorePath, once, defaultTimeout, commandTimeouts, rescanInterval,
                staleReplyGrace, reconnectMin, reconnectMax, shutdownGrace, wait, journal);
    }

    /** @return a copy whose request journal lives in {@code files}' state directory (see {@link #journal()}) */
    public DaemonSettings withJournal(Optional<StateFiles> files) {
        return new DaemonSettings(xenStorePath, once, defaultTimeout, commandTimeouts, rescanInterval,
                staleReplyGrace, reconnectMin, reconnectMax, shutdownGrace, readyWait, files);
    }

    /** @return a copy whose request journal lives under the POSIX root {@code root} ({@code var/lib/nova-agent/requests}) */
    public DaemonSettings withJournalRoot(Optional<Path> root) {
        return withJournal(root.map(PosixStateFiles::under));
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
