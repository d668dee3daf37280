/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code injectfile} and {@code file_inject} (write a file the host sends, e.g. root's
 * authorized_keys), atomically and only under the target root.
 *
 * @provides org.novaagent.api.CommandHandler {@code injectfile}, {@code file_inject}
 */
module org.novaagent.plugin.file.inject {
    requires org.novaagent.api;
    requires org.slf4j;

    provides org.novaagent.api.CommandHandler with
            org.novaagent.plugin.file.inject.internal.InjectFileCommandHandler,
            org.novaagent.plugin.file.inject.internal.FileInjectCommandHandler;
}
