/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;

/** A handler that answers with its own name; the registered test handlers differ only in that name. */
abstract class NamedTestHandler implements CommandHandler {

    private final String name;

    NamedTestHandler(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) {
        return CommandResult.ok(name);
    }
}
