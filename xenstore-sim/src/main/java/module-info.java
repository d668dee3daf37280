/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** An embedded, in-process XenStore server speaking the xenbus wire protocol over a Unix socket. For tests and the demo. */
module org.novaagent.xenstore.sim {
    requires org.slf4j;
    exports org.novaagent.xenstore.sim;
}
