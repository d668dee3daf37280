/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/**
 * The routing contract: 404 for unknown names; the command's failure code (nova's rules,
 * {@link NovaAcceptance}) for throwing or null-returning handlers and for a handler's "500" where
 * nova would read it as success; failure messages without class names or the root prefix.
 */
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
        assertEquals("Internal error in command 'boom'", r.message());
    }

    @Test
    void everyFailurePathOfResetnetworkAnswersACodeNovaRejects() throws Exception {
        List<Body> failures = List.of(
                req -> {
                    throw new IllegalStateException("bug");
                },
                req -> {
                    throw new CommandException("500", "bad network data");
                },
                req -> CommandResult.of("500", "apply failed, rolled back"),
                req -> null,
                req -> {
                    throw new StackOverflowError();
                });
        for (Body failure : failures) {
            CommandResult r = route(handler("resetnetwork", failure), "resetnetwork");
            assertEquals("1", r.returnCode(), r.toString());
            assertFalse(NovaAcceptance.novaAccepts("resetnetwork", r.returnCode()), r.toString());
        }
        assertEquals("bad network data", route(handler("resetnetwork", req -> {
            throw new CommandException("500", "bad network data");
        }), "resetnetwork").message());
        assertEquals(CommandResult.ok(), route(handler("resetnetwork", req -> CommandResult.ok()), "resetnetwork"));
        assertEquals("404", route(handler("version", req -> CommandResult.ok()), "resetnetwork").returnCode());
    }

    @Test
    void otherCommandsKeep500AndKeyinitKeepsD0() throws Exception {
        assertEquals("500", route(handler("password", req -> CommandResult.of("500", "x")), "password").returnCode());
        assertEquals("500", route(handler("injectfile", req -> null), "injectfile").returnCode());
        assertEquals("500", route(handler("keyinit", req -> {
            throw new IllegalArgumentException();
        }), "keyinit").returnCode());
        assertEquals(CommandResult.of("D0", "42"), route(handler("keyinit", req -> CommandResult.of("D0", "42")), "keyinit"));
    }

    @Test
    void failureMessagesLoseClassNamesAndTheRootPrefix() throws Exception {
        CommandHandler h = handler("injectfile", req -> {
            throw new CommandException("500", "Couldn't write '/root/.ssh/authorized_keys': "
                    + "java.nio.file.AccessDeniedException: /srv/image/root/.ssh/authorized_keys");
        });
        CommandRouter router = new CommandRouter(Map.of(h.name(), h), (req, xs) -> null, java.nio.file.Path.of("/srv/image"));
        CommandResult r = router.route(CommandRequest.of("id-1", "injectfile", "v"), NO_XENSTORE);
        assertEquals("Couldn't write '/root/.ssh/authorized_keys': /root/.ssh/authorized_keys", r.message());
        CommandHandler ok = handler("version", req -> CommandResult.ok("java.lang.Runtime /srv/image"));
        CommandRouter okRouter = new CommandRouter(Map.of("version", ok), (req, xs) -> null, java.nio.file.Path.of("/srv/image"));
        assertEquals("java.lang.Runtime /srv/image", okRouter.route(CommandRequest.of("i", "version", ""), NO_XENSTORE).message());
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
