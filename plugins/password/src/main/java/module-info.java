/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** Plugin: {@code keyinit} and {@code password} (Diffie-Hellman + AES), for Linux and Windows guests. */
module org.novaagent.plugin.password {
    requires org.novaagent.api;
    requires org.slf4j;
}
