/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Serves one XenStore command (for example {@code keyinit}, {@code password}, {@code resetnetwork}).
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader}: a plugin module declares
 * {@code provides org.novaagent.api.CommandHandler with ...} (and ships
 * {@code META-INF/services/org.novaagent.api.CommandHandler} for class-path use). Classes must be
 * {@code final}, live in an {@code internal} package and have a public no-arg constructor.
 *
 * <p><b>Threading.</b> The runtime creates one instance per provider at start-up and calls
 * {@link #handle} from a single worker thread, one request at a time, so handlers need no locking
 * for state kept through {@link CommandContext#sharedState}. The worker thread may be interrupted
 * when a request exceeds its timeout; long-running handlers should honour interruption.
 *
 * <p><b>Selection.</b> When several handlers serve the same {@link #name()}, the runtime keeps
 * those for which {@link #applicability} says yes and picks the one with the highest
 * {@link #priority()}. A tie between applicable handlers is reported as a configuration error
 * and none of them is routed.
 */
public interface CommandHandler {

    /**
     * The command name as it appears in the {@code name} member of the host's request. Must be
     * non-blank and constant for the life of the instance. Called at start-up and by
     * {@code agent plugins list}.
     *
     * @return the command name, never {@code null}
     */
    String name();

    /**
     * Executes one request.
     *
     * <p>Return a {@link CommandResult} for every domain outcome, including domain failures (for
     * example a wrong password padding gives a non-zero code and a message). Throw
     * {@link CommandException} to fail with a specific code and a message that is safe to send to
     * the host. Any other exception is mapped by the runtime to returncode {@code "500"} with a
     * generic message naming the command; the agent keeps running.
     *
     * <p>Messages (returned or thrown) go to the host and into logs: they must never contain
     * secrets such as passwords or keys.
     *
     * @param request the request, never {@code null}
     * @param context capabilities for this request, never {@code null}
     * @return the result, never {@code null}
     * @throws CommandException a failure with a return code and a host-safe message
     * @throws InterruptedException when the runtime cancels the request (timeout, shutdown)
     */
    CommandResult handle(CommandRequest request, CommandContext context)
            throws CommandException, InterruptedException;

    /**
     * Whether this handler can serve its command on the given host, and if not, why. Called
     * once at start-up (and by {@code agent plugins list}); must be cheap, must not change the
     * system and must not throw. The default says yes.
     *
     * @param facts facts about the target system, never {@code null}
     * @return the verdict, never {@code null}
     */
    default Applicability applicability(HostFacts facts) {
        return Applicability.yes();
    }

    /**
     * Shorthand for {@code applicability(facts).applicable()}.
     *
     * @param facts facts about the target system, never {@code null}
     * @return true when this handler may be selected on that host
     */
    default boolean isApplicable(HostFacts facts) {
        return applicability(facts).applicable();
    }

    /**
     * Orders alternatives that serve the same command. Higher wins. Built-in handlers use 0;
     * distro-specific handlers typically use 100. The default is 0.
     *
     * @return the priority
     */
    default int priority() {
        return 0;
    }

    /**
     * How long {@link #handle} may run before the runtime interrupts it and answers with its
     * timeout code, unless the operator sets {@code timeout.<name>} in the configuration. Empty
     * (the default) means the agent's {@code timeout.default} (30 s). Declare a longer one when
     * the command legitimately waits on the system, for example {@code resetnetwork} restarting
     * networking.
     *
     * @return the handler's own timeout, or empty for the agent's default; never {@code null}
     */
    default Optional<Duration> timeout() {
        return Optional.empty();
    }

    /**
     * Whether this handler honours {@link CommandContext#dryRun()}: when asked for a dry run it
     * changes nothing (no file, no command) and answers with a report of what it would do. The
     * runtime refuses a dry run of a handler that says no, rather than running it for real. The
     * default is {@code false}.
     *
     * @return true when the handler implements dry runs
     */
    default boolean supportsDryRun() {
        return false;
    }

    /**
     * The name of the module that provides this handler, read from its module descriptor, or
     * {@code "unnamed"} on the class path.
     *
     * @return the module name, never {@code null}
     */
    default String moduleName() {
        Module module = getClass().getModule();
        return module.isNamed() ? module.getName() : "unnamed";
    }

    /**
     * The raw version of the providing module ({@code --module-version} at build time), or
     * {@code "unknown"}.
     *
     * @return the version string, never {@code null}
     */
    default String moduleVersion() {
        Module module = getClass().getModule();
        if (module.isNamed() && module.getDescriptor() != null) {
            return module.getDescriptor().rawVersion().orElse("unknown");
        }
        Package pkg = getClass().getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
