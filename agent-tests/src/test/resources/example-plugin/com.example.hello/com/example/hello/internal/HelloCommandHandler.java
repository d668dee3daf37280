package com.example.hello.internal;

import org.novaagent.api.*;

public final class HelloCommandHandler implements CommandHandler {
    @Override public String name() { return "hello"; }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws CommandException {
        if (request.value().isBlank()) {
            throw new CommandException("500", "hello needs a name");
        }
        return CommandResult.ok("hello, " + request.value() + " from " + context.hostFacts().osId());
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        return facts.isWindows() ? Applicability.no("not on Windows") : Applicability.yes();
    }
}
