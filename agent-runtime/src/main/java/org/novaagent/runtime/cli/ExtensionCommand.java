/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.novaagent.api.cli.CliCommand;
import org.novaagent.api.cli.CliEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Adapts one {@link CliCommand} to picocli, which stays private to the runtime: every argument
 * after the subcommand name (options, {@code --help} included) goes to the extension unparsed,
 * with this invocation's streams and the in-process agent as its {@link CliEnvironment}.
 */
@Command
final class ExtensionCommand implements Callable<Integer> {

    private final CliCommand extension;

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> args = new ArrayList<>();

    private ExtensionCommand(CliCommand extension) {
        this.extension = extension;
    }

    /**
     * @param extension the provider
     * @return its picocli subcommand, described by the provider's one-line description
     */
    static CommandLine of(CliCommand extension) {
        CommandLine cl = new CommandLine(new ExtensionCommand(extension));
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.getCommandSpec().usageMessage().description(extension.description());
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment env = new CliEnvironment() {
            @Override
            public PrintWriter out() {
                return out;
            }

            @Override
            public PrintWriter err() {
                return err;
            }

            @Override
            public AutoCloseable startAgent(Path xenStore, Path root) throws Exception {
                return InProcessAgent.start(xenStore, root);
            }
        };
        try {
            return extension.run(List.copyOf(args), env);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(extension.name() + ": interrupted");
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
