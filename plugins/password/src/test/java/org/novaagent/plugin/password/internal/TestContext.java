/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.novaagent.api.CommandContext;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessRunner;
import org.novaagent.api.XenStoreView;

/**
 * A {@link CommandContext} over a scratch root: not the live system, a fixed clock, in-memory
 * shared state and settings, and a process runner that fails the test if anything is run.
 */
final class TestContext implements CommandContext {

    /** 2026-01-02T00:00:00Z, day 20455 since the epoch. */
    static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");

    final Map<String, String> settings = new HashMap<>();
    private final Map<Class<?>, Object> state = new HashMap<>();
    private final Path root;
    private final HostFacts facts;

    TestContext(Path root, HostFacts.OsFamily family) {
        this.root = root;
        String id = family == HostFacts.OsFamily.WINDOWS ? "windows" : "debian";
        this.facts = new HostFacts(id, "12", List.of(), family, "amd64",
                family == HostFacts.OsFamily.WINDOWS ? HostFacts.InitSystem.WINDOWS_SERVICE
                        : HostFacts.InitSystem.SYSTEMD,
                root, List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
    }

    TestContext(Path root) {
        this(root, HostFacts.OsFamily.DEBIAN);
    }

    @Override
    public XenStoreView xenStore() {
        return new XenStoreView() {
            @Override
            public Optional<String> read(String path) throws IOException {
                throw new IOException("the password plugin must not read XenStore");
            }

            @Override
            public List<String> list(String path) throws IOException {
                throw new IOException("the password plugin must not read XenStore");
            }
        };
    }

    @Override
    public Path root() {
        return root;
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
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Override
    public ProcessRunner processes() {
        return (command, stdin, timeout) -> {
            throw new AssertionError("no process may run against a scratch root: " + command);
        };
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public <T> T sharedState(Class<T> type, Supplier<T> factory) {
        return type.cast(state.computeIfAbsent(type, k -> factory.get()));
    }
}
