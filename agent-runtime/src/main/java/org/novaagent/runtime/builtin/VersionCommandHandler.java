/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.builtin;

import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;

/**
 * Built-in {@code version}: answers {@code "0"} and the agent version, whatever the value
 * (nova sends {@code agent} and re-sends until it gets an answer, so this must always work).
 */
public final class VersionCommandHandler implements CommandHandler {

    /** Creates the handler. */
    public VersionCommandHandler() {
        // stateless
    }

    @Override
    public String name() {
        return "version";
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) {
        return CommandResult.ok(AgentVersion.get());
    }
}
