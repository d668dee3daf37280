/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.HostFacts;
import org.novaagent.testkit.ServiceRegistrations;

/** META-INF/services lists the three handlers and exactly one password handler applies per OS. */
class ServiceRegistrationTests {

    @Test
    void serviceFileListsAllHandlers() {
        List<String> names = ServiceLoader.load(CommandHandler.class).stream()
                .map(p -> p.type().getSimpleName()).sorted().collect(Collectors.toList());
        assertEquals(List.of("KeyInitCommandHandler", "PasswordCommandHandler", "WindowsPasswordCommandHandler"), names);
    }

    @Test
    void serviceFileMatchesTheHandlersServiceLoaderFinds() {
        ServiceRegistrations.assertHandlers(ServiceRegistrationTests.class, "keyinit", "password", "password");
    }

    @Test
    void oneApplicablePasswordHandlerPerOs() {
        List<CommandHandler> handlers = ServiceLoader.load(CommandHandler.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        for (HostFacts.OsFamily family : HostFacts.OsFamily.values()) {
            HostFacts facts = Contexts.facts(Path.of("/nonexistent"), family);
            long applicable = handlers.stream()
                    .filter(h -> h.name().equals("password") && h.isApplicable(facts)).count();
            assertEquals(1, applicable, family.toString());
        }
    }
}
