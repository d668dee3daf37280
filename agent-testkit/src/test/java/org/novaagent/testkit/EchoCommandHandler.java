/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;

/** A handler registered in this module's test META-INF/services, for {@link ServiceRegistrationsTests}. */
public final class EchoCommandHandler implements CommandHandler {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) {
        return CommandResult.of("0", request.value());
    }
}
