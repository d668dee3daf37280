/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.util.concurrent.Callable;
import org.novaagent.runtime.builtin.AgentVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agent version}: prints the version the {@code version} command would answer. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "Print the agent version.", footer = ExitCodes.FOOTER)
public final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(AgentVersion.get());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
