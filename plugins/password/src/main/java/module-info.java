/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code keyinit} and {@code password} (Diffie-Hellman + AES), for Linux and Windows
 * guests. One {@code keyinit} handler serves both; the two {@code password} handlers declare
 * which OS they apply to, so the runtime picks one.
 *
 * @provides org.novaagent.api.CommandHandler keyinit and password (Linux, Windows)
 */
module org.novaagent.plugin.password {
    requires org.novaagent.api;
    requires org.slf4j;

    provides org.novaagent.api.CommandHandler with
        org.novaagent.plugin.password.internal.KeyInitCommandHandler,
        org.novaagent.plugin.password.internal.PasswordCommandHandler,
        org.novaagent.plugin.password.internal.WindowsPasswordCommandHandler;
}
