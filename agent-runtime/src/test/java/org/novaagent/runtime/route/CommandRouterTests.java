/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.XenStoreView;

/** The routing contract: 404 for unknown names, 500 for throwing or null-returning handlers. */
class CommandRouterTests {

    private static final XenStoreView NO_XENSTORE = new XenStoreView() {
        @Override
        public Optional<String> read(String path) throws IOException {
            return Optional.empty();
        }

        @Override
        public List<String> list(String path) {
            return List.of();
        }
    };

    /** A handler whose behaviour is a lambda. */
    private interface Body {
        CommandResult run(CommandRequest r) throws CommandException;
    }

    private static CommandHandler handler(String name, Body body) {
        return new CommandHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CommandResult handle(CommandRequest request, CommandContext context) throws CommandException {
                return body.run(request);
            }
        };
    }

    private static CommandResult route(CommandHandler h, String name) throws InterruptedException {
        CommandRouter router = new CommandRouter(Map.of(h.name(), h), (req, xs) -> null);
        return router.route(CommandRequest.of("id-1", name, "v"), NO_XENSTORE);
    }

    @Test
    void unknownCommandIs404NamingTheCommand() throws Exception {
        CommandResult r = route(handler("version", req -> CommandResult.ok("1")), "frobnicate");
        assertEquals("404", r.returnCode());
        assertEquals("No such agent command 'frobnicate'", r.message());
    }

    @Test
    void successPassesThrough() throws Exception {
        assertEquals(CommandResult.ok("1"), route(handler("version", req -> CommandResult.ok("1")), "version"));
    }

    @Test
    void throwingHandlerIs500AndNamesTheCommand() throws Exception {
        CommandResult r = route(handler("boom", req -> {
            throw new IllegalStateException("secret detail");
        }), "boom");
        assertEquals("500", r.returnCode());
        assertEquals("Internal error in command 'boom': IllegalStateException", r.message());
    }

    @Test
    void commandExceptionKeepsItsCode() throws Exception {
        CommandResult r = route(handler("password", req -> {
            throw new CommandException("D1", "bad padding");
        }), "password");
        assertEquals(CommandResult.of("D1", "bad padding"), r);
    }

    @Test
    void nullResultIs500() throws Exception {
        CommandResult r = route(handler("lazy", req -> null), "lazy");
        assertEquals("500", r.returnCode());
        assertEquals("Internal error in command 'lazy'", r.message());
    }

    @Test
    void commandNamesAreSorted() {
        CommandRouter router = new CommandRouter(Map.of("b", handler("b", r -> null), "a", handler("a", r -> null)),
                (req, xs) -> null);
        assertEquals(List.of("a", "b"), List.copyOf(router.commandNames()));
    }
}
