/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** The host side of the conversation: what nova's XenServer driver and dom0 plugin do, plus the demo scenario. */
module org.novaagent.host {
    requires org.novaagent.xenstore;
    requires org.novaagent.xenstore.sim;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
}
