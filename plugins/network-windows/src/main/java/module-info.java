/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} and the hostname on Windows guests. A pure planner turns the shared
 * network model and the adapters' current state into a list of changes per adapter; one PowerShell
 * session (NetTCPIP and NetAdapter cmdlets, the script fed on stdin) applies them, and undoes the
 * applied part when a step fails; the computer is renamed with kernel32's {@code SetComputerNameExW}.
 *
 * @provides org.novaagent.api.CommandHandler {@code resetnetwork} (Windows only)
 */
module org.novaagent.plugin.network.windows {
    requires org.novaagent.api;
    requires org.novaagent.network;
    requires org.slf4j;
    requires org.jnrproject.ffi;

    // jnr-ffi generates the kernel32 binding in its own class loader: the interface must be public
    // and its package exported unqualified. Nothing else of the plugin is exported.
    exports org.novaagent.plugin.network.windows.internal.nativeapi;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.windows.internal.ResetNetworkCommandHandler;
}
