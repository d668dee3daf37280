/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * A pure-Java XenStore client speaking the xenbus wire protocol over a Unix socket or the xenbus
 * device; on Windows guests, xencontrol.dll (jnr-ffi) or xenstore_client.exe.
 */
module org.novaagent.xenstore {
    requires org.slf4j;
    requires org.jnrproject.ffi;
    exports org.novaagent.xenstore;
    // jnr-ffi generates the xencontrol/kernel32 bindings in its own class loader: exported unqualified
    exports org.novaagent.xenstore.nativeapi;
}
