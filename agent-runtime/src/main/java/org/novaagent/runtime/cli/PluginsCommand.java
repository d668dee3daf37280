/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agent plugins}: groups the plugin subcommands ({@code list}). */
@Command(name = "plugins", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "Inspect command handlers and plugins.", footer = ExitCodes.FOOTER)
public final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
