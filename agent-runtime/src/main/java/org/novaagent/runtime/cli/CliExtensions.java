/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.novaagent.api.cli.CliCommand;

/**
 * The extra subcommands other modules provide through {@link CliCommand} (for example
 * {@code agent demo} from the host simulator, present only on the development module path). Found
 * in the boot layer with {@link ServiceLoader}, like command handlers; the runtime knows none of
 * them by name. A provider that fails to load, has a blank name or clashes with a built-in or
 * another provider is skipped, and the reason kept for {@code agent --help}'s caller to print.
 */
final class CliExtensions {

    private final Map<String, CliCommand> commands;
    private final List<String> problems;

    private CliExtensions(Map<String, CliCommand> commands, List<String> problems) {
        this.commands = Map.copyOf(commands);
        this.problems = List.copyOf(problems);
    }

    /**
     * @param reserved the built-in subcommand names, which a provider may not take
     * @return the providers of the boot layer (or the class path's {@code META-INF/services})
     */
    static CliExtensions discover(List<String> reserved) {
        List<CliCommand> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<CliCommand> p : ServiceLoader.load(CliCommand.class).stream().toList()) {
                try {
                    found.add(p.get());
                } catch (ServiceConfigurationError | RuntimeException e) {
                    problems.add("CLI extension " + p.type().getName() + " skipped: " + e.getMessage());
                }
            }
        } catch (ServiceConfigurationError e) {
            problems.add("CLI extensions skipped: " + e.getMessage());
        }
        return of(found, reserved, problems);
    }

    /**
     * @param candidates the providers, in discovery order
     * @param reserved   the built-in subcommand names
     * @param problems   problems already met (kept, then appended to)
     * @return the usable extensions by name
     */
    static CliExtensions of(List<CliCommand> candidates, List<String> reserved, List<String> problems) {
        Map<String, CliCommand> byName = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(problems);
        for (CliCommand c : candidates) {
            String name = c.name();
            String owner = c.getClass().getName();
            if (name == null || name.isBlank() || !name.equals(name.strip())) {
                all.add("CLI extension " + owner + " skipped: blank or padded name '" + name + "'");
            } else if (reserved.contains(name)) {
                all.add("CLI extension " + owner + " skipped: '" + name + "' is a built-in subcommand");
            } else if (byName.containsKey(name)) {
                all.add("CLI extension " + owner + " skipped: '" + name + "' is already provided by "
                        + byName.get(name).getClass().getName());
            } else {
                byName.put(name, c);
            }
        }
        return new CliExtensions(byName, all);
    }

    /** @return the usable extensions by subcommand name */
    Map<String, CliCommand> commands() {
        return commands;
    }

    /** @return why providers were skipped; empty if none */
    List<String> problems() {
        return problems;
    }

    /**
     * @param args the process arguments
     * @return the default log level of the extension named by the first argument, if it has one
     */
    Optional<String> defaultLogLevel(String[] args) {
        if (args.length == 0 || !commands.containsKey(args[0])) {
            return Optional.empty();
        }
        return commands.get(args[0]).defaultLogLevel();
    }
}
