/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** Plugin: {@code injectfile} (write a file the host sends, e.g. root's authorized_keys). */
module org.novaagent.plugin.file.inject {
    requires org.novaagent.api;
    requires org.slf4j;
}
