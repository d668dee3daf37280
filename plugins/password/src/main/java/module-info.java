/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code keyinit} and {@code password} (Diffie-Hellman + AES), for Linux and Windows
 * guests. One {@code keyinit} handler serves both; the two {@code password} handlers declare
 * which OS they apply to, so the runtime picks one. On Windows the password is set through
 * netapi32 by jnr-ffi, which is why the {@code nativeapi} package is exported.
 *
 * @provides org.novaagent.api.CommandHandler keyinit and password (Linux, Windows)
 */
module org.novaagent.plugin.password {
    requires org.novaagent.api;
    requires org.slf4j;
    requires org.jnrproject.ffi;

    // jnr-ffi generates the DLL bindings in its own class loader: the interfaces must be public
    // and their package exported unqualified. Nothing else of the plugin is exported.
    exports org.novaagent.plugin.password.internal.windows.nativeapi;

    provides org.novaagent.api.CommandHandler with
        org.novaagent.plugin.password.internal.KeyInitCommandHandler,
        org.novaagent.plugin.password.internal.PasswordCommandHandler,
        org.novaagent.plugin.password.internal.WindowsPasswordCommandHandler;
}
