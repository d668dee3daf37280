/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code agent} command; it only carries the subcommands, help and version. */
@Command(name = "agent", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "XenStore guest agent: answers the cloud host's requests (OpenStack/XenServer).",
        footer = ExitCodes.FOOTER)
public final class MainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
