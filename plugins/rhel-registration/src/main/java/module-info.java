/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** Plugin: {@code kmsactivate} on RHEL (registration). */
module org.novaagent.plugin.rhel.registration {
    requires org.novaagent.api;
    requires org.slf4j;
}
