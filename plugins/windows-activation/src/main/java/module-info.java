/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code kmsactivate} on Windows (KMS activation with slmgr.vbs).
 *
 * @provides org.novaagent.api.CommandHandler {@code kmsactivate} (Windows only)
 */
module org.novaagent.plugin.windows.activation {
    requires org.novaagent.api;
    requires org.slf4j;

    provides org.novaagent.api.CommandHandler with
            org.novaagent.plugin.windows.activation.internal.WindowsKmsActivateCommandHandler;
}
