/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Capabilities the runtime hands to a {@link CommandHandler} for one request. Implementations
 * are provided by the runtime (and by tests); handlers never construct them.
 */
public interface CommandContext {

    /** @return read-only access to the guest's XenStore; never {@code null} */
    XenStoreView xenStore();

    /**
     * The target root: every file the handler reads or writes is resolved under it
     * ({@code /} on a live guest, a scratch directory in tests, the demo and image builds).
     *
     * @return the target root, never {@code null}
     */
    Path root();

    /**
     * True when {@link #root()} is the live system's {@code /}. When false, handlers must only
     * write files under the root and must not change the running system.
     *
     * @return whether the live system is the target
     */
    boolean liveSystem();

    /**
     * True when the caller asked to see what the command would do without doing it
     * ({@code agent call <command> --dry-run}). Only handlers whose
     * {@link CommandHandler#supportsDryRun()} is true are ever called with it; they must then
     * write no file and run no command, and answer with a report. Requests from the host are
     * never dry runs. The default is {@code false}.
     *
     * @return whether this request is a dry run
     */
    default boolean dryRun() {
        return false;
    }

    /** @return facts about the target, as used for handler selection; never {@code null} */
    HostFacts hostFacts();

    /** @return the clock to use for timestamps; never {@code null} */
    Clock clock();

    /** @return the process runner to use for every external command; never {@code null} */
    ProcessRunner processes();

    /**
     * A configuration value from the agent's configuration file, for example
     * {@code password.user}. Keys are namespaced by the plugin's command or topic.
     *
     * @param key the key
     * @return the value if configured
     */
    Optional<String> setting(String key);

    /**
     * State that outlives one request, kept in memory by the runtime for the life of the agent
     * process and shared by handlers of the same module (for example the Diffie-Hellman secret
     * set by {@code keyinit} and used by {@code password}). Never persisted.
     *
     * @param type    the state's class, used as the key together with its module
     * @param factory creates the state the first time it is asked for
     * @param <T>     the state type
     * @return the state object, the same instance on every call with the same type
     */
    <T> T sharedState(Class<T> type, Supplier<T> factory);

    /**
     * Resolves an absolute guest path under {@link #root()}.
     *
     * @param absolutePath a path such as {@code /etc/shadow}
     * @return the path under the root
     */
    default Path resolve(String absolutePath) {
        return hostFacts().resolve(absolutePath);
    }
}
