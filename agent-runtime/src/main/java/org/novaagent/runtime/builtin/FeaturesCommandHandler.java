/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.builtin;

import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;

/**
 * Built-in {@code features}: the comma-separated, sorted names of the commands actually
 * routable on this host. The names come from a supplier because they are only known after
 * selection, which this handler itself takes part in.
 */
public final class FeaturesCommandHandler implements CommandHandler {

    private final Supplier<? extends Collection<String>> routable;

    /** @param routable gives the routable command names at request time */
    public FeaturesCommandHandler(Supplier<? extends Collection<String>> routable) {
        this.routable = Objects.requireNonNull(routable, "routable");
    }

    @Override
    public String name() {
        return "features";
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) {
        return CommandResult.ok(String.join(",", new TreeSet<>(routable.get())));
    }
}
