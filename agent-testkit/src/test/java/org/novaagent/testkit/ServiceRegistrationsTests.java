/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.novaagent.api.CommandHandler;
import org.opentest4j.AssertionFailedError;

class ServiceRegistrationsTests {

    @Test
    void theRegisteredHandlersOfThePackageHaveTheExpectedNames() {
        List<CommandHandler> handlers = ServiceRegistrations.assertHandlers(ServiceRegistrationsTests.class, "ping", "echo");
        assertEquals(List.of(EchoCommandHandler.class, PingCommandHandler.class),
                handlers.stream().map(Object::getClass).toList());
    }

    @Test
    void aMissingOrExtraNameFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> ServiceRegistrations.assertHandlers(ServiceRegistrationsTests.class, "echo"));
        assertTrue(e.getMessage().startsWith("command names of the handlers registered in org.novaagent.testkit"),
                e.getMessage());
        assertThrows(AssertionFailedError.class,
                () -> ServiceRegistrations.assertHandlers(ServiceRegistrationsTests.class, "echo", "ping", "pong"));
    }

    @Test
    void aPackageWithoutHandlersHasNone() {
        assertEquals(List.of(), ServiceRegistrations.assertHandlers(String.class));
    }

    @Test
    void serviceFilesAreReadWithoutCommentsAndBlankLines() {
        List<String> listed = ServiceRegistrations.listedClasses(getClass().getClassLoader());
        assertTrue(listed.containsAll(List.of(EchoCommandHandler.class.getName(), PingCommandHandler.class.getName())),
                listed.toString());
        assertTrue(listed.stream().noneMatch(n -> n.isBlank() || n.contains("#")), listed.toString());
    }
}
