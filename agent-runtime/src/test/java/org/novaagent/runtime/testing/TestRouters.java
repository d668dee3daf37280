/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.novaagent.api.XenStoreView;
import org.novaagent.runtime.route.CommandRouter;

/** Builds a {@link CommandRouter} over hand-made handlers with a minimal {@link CommandContext}. */
public final class TestRouters {

    private TestRouters() {
    }

    /** @return a router for the handlers, with contexts rooted at {@code root} */
    public static CommandRouter of(List<CommandHandler> handlers, Path root) {
        Map<String, CommandHandler> byName = handlers.stream()
                .collect(Collectors.toMap(CommandHandler::name, h -> h));
        HostFacts facts = new HostFacts("test", "1", List.of(), HostFacts.OsFamily.OTHER, "amd64",
                HostFacts.InitSystem.NONE, root, List.of("/usr/bin"));
        Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
        return new CommandRouter(byName, (request, view) -> new MinimalContext(view, facts, shared));
    }

    /** Enough context for the test handlers: a view, a root, a clock, no processes. */
    private record MinimalContext(XenStoreView xenStore, HostFacts hostFacts, Map<Class<?>, Object> shared)
            implements CommandContext {

        @Override
        public Path root() {
            return hostFacts.root();
        }

        @Override
        public boolean liveSystem() {
            return false;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public ProcessRunner processes() {
            return (command, stdin, timeout) -> ProcessResult.notExecuted();
        }

        @Override
        public Optional<String> setting(String key) {
            return Optional.empty();
        }

        @Override
        public <T> T sharedState(Class<T> type, Supplier<T> factory) {
            return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
        }
    }
}
