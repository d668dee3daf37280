/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** A pure-Java XenStore client speaking the xenbus wire protocol over a Unix socket or the xenbus device. */
module org.novaagent.xenstore {
    requires org.slf4j;
    exports org.novaagent.xenstore;
}
