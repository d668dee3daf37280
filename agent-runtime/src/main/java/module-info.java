/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * The nova-agent daemon and CLI: discovers command handlers, watches XenStore and routes requests.
 *
 * @uses org.novaagent.api.CommandHandler
 * @uses org.novaagent.api.cli.CliCommand
 */
module org.novaagent.runtime {
    requires org.novaagent.api;
    requires org.novaagent.xenstore;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    // build time only: cli.ManualPage runs picocli's man page generator in dist/package.sh; not shipped
    requires static info.picocli.codegen;
    requires org.slf4j;
    requires org.jnrproject.ffi;

    uses org.novaagent.api.CommandHandler;
    uses org.novaagent.api.cli.CliCommand;

    // jnr-ffi generates proxies for the sd_notify libc binding: the package must be exported unqualified
    exports org.novaagent.runtime.notify.nativeapi;
    // ... and for the advapi32 service-control binding (Windows service)
    exports org.novaagent.runtime.winservice.nativeapi;
    // ... and for the advapi32 LookupAccountSidW binding (the Windows ACL trust rule names well-known SIDs)
    exports org.novaagent.runtime.trust.nativeapi;

    // picocli reads the command classes' annotated fields reflectively
    opens org.novaagent.runtime.cli to info.picocli;
}
