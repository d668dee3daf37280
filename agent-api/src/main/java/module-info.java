/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * The nova-agent plugin SPI. A plugin module {@code provides org.novaagent.api.CommandHandler}
 * for each XenStore command it serves. This module depends on {@code java.base} only.
 *
 * <p>Extra {@code agent} subcommands are provided through {@code org.novaagent.api.cli.CliCommand}.
 *
 * @uses org.novaagent.api.CommandHandler
 */
module org.novaagent.api {
    exports org.novaagent.api;
    exports org.novaagent.api.support;
    exports org.novaagent.api.cli;
}
