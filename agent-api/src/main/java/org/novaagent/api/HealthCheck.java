/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.io.IOException;
import java.util.List;

/**
 * Optional second role of a {@link CommandHandler}, like {@link StartupAction}: checks of this
 * host that only the handler knows how to make, shown by {@code agent doctor} next to the
 * runtime's own checks. For example a {@code resetnetwork} handler reports the files of other
 * tools (nova-agent 2.x, cloud-init, an installer) that would override the network configuration
 * it writes, each with the fix.
 *
 * <p>Discovery is the handler's: a handler provided through {@link java.util.ServiceLoader} (boot
 * layer or plugins directory) that implements this interface is asked, and only when it is the
 * selected handler of its command on this host, so a check never speaks for a handler that does
 * not serve here (its fix, e.g. "run resetnetwork", would not help). The runtime calls
 * {@link #checkHealth} once per {@code agent doctor} run, on the CLI thread. The context is the
 * kind a request gets: its {@link CommandContext#xenStore()} reads the guest's XenStore when
 * doctor can reach it and refuses every read (with an {@link IOException}) when it cannot.
 *
 * <p>A check only reads: it must not write files, run commands that change the host, or write
 * XenStore. It never reports secrets. An exception is shown as a failure of the check that names
 * the handler's module; it never hides the other checks.
 */
public interface HealthCheck {

    /**
     * @param context the target root, its host facts, a read-only XenStore view and the clock
     * @return what was found, in the order an operator should read it; an empty list when there is
     *         nothing to say about this host
     * @throws IOException          when something that had to be read could not be
     * @throws InterruptedException when doctor is being stopped
     */
    List<HealthFinding> checkHealth(CommandContext context) throws IOException, InterruptedException;
}
