/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

/**
 * Optional second role of a {@link CommandHandler}: something it must do once each time the
 * agent starts, before the first request is answered, for example re-running a Windows image's
 * cloud-automation script after the reboot that the {@code kmsactivate} request had to wait for.
 *
 * <p>The runtime calls {@link #onStart} once per start, on the starting thread, only for handlers
 * that are selected (routable) on this host, before it connects to XenStore: the context's
 * {@link CommandContext#xenStore()} refuses every read. With a target root other than the live
 * system, processes are only logged, as for requests. Exceptions are logged and never stop the
 * agent; the action should finish quickly (start long work without waiting for it).
 */
public interface StartupAction {

    /**
     * @param context the same kind of context a request gets (root, facts, processes, settings)
     * @throws CommandException     when the action failed (logged with its message)
     * @throws InterruptedException when the agent is stopping
     */
    void onStart(CommandContext context) throws CommandException, InterruptedException;
}
