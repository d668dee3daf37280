/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * The host side of the conversation: what nova's XenServer driver and dom0 plugin do, plus the demo
 * scenario, which it contributes to the agent's CLI as {@code agent demo}.
 *
 * @provides org.novaagent.api.cli.CliCommand
 */
module org.novaagent.host {
    requires org.novaagent.api;
    requires org.novaagent.xenstore;
    requires org.novaagent.xenstore.sim;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.slf4j;

    exports org.novaagent.host;
    exports org.novaagent.host.demo;
    exports org.novaagent.host.cli;
    opens org.novaagent.host.cli to info.picocli;

    provides org.novaagent.api.cli.CliCommand with org.novaagent.host.cli.DemoCommand;
}
