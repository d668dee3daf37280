/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.windows.activation.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.novaagent.api.CommandContext;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessRunner;
import org.novaagent.api.XenStoreView;

/** A command context over a scratch root with a replaceable process runner. */
final class TestContext implements CommandContext {

    private final HostFacts facts;
    private final ProcessRunner runner;
    private final Map<Class<?>, Object> state = new HashMap<>();

    TestContext(Path root, HostFacts.OsFamily family, ProcessRunner runner) {
        this.facts = facts(root, family);
        this.runner = runner;
    }

    static HostFacts facts(Path root, HostFacts.OsFamily family) {
        return new HostFacts("test", "1", List.of(), family, "amd64", HostFacts.InitSystem.NONE,
                root, List.of("/usr/sbin", "/usr/bin"));
    }

    @Override
    public XenStoreView xenStore() {
        return new XenStoreView() {
            @Override
            public Optional<String> read(String path) {
                return Optional.empty();
            }

            @Override
            public List<String> list(String path) {
                return List.of();
            }
        };
    }

    @Override
    public Path root() {
        return facts.root();
    }

    @Override
    public boolean liveSystem() {
        return false;
    }

    @Override
    public HostFacts hostFacts() {
        return facts;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public ProcessRunner processes() {
        return runner;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.empty();
    }

    @Override
    public <T> T sharedState(Class<T> type, Supplier<T> factory) {
        return type.cast(state.computeIfAbsent(type, k -> factory.get()));
    }
}
