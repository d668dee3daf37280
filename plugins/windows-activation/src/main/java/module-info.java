/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** Plugin: {@code kmsactivate} on Windows (KMS activation). */
module org.novaagent.plugin.windows.activation {
    requires org.novaagent.api;
    requires org.slf4j;
}
