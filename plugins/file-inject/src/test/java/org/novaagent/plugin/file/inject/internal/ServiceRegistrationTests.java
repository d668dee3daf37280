/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.novaagent.api.CommandHandler;

/** META-INF/services names this module's handlers (class-path discovery, as the runtime's fallback). */
class ServiceRegistrationTests {

    @Test
    void serviceLoaderFindsTheHandlers() {
        List<String> names = ServiceLoader.load(CommandHandler.class).stream()
                .map(p -> p.get())
                .filter(h -> h.getClass().getPackageName().equals(ServiceRegistrationTests.class.getPackageName()))
                .map(CommandHandler::name)
                .sorted()
                .toList();
        assertEquals(List.of("file_inject", "injectfile"), names);
    }
}
