/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.novaagent.api.CommandContext;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.novaagent.api.XenStoreView;

/**
 * A scratch-root context for handler tests: XenStore from a map, a runner that records every
 * command and runs nothing (as the runtime does for a non-live root), NICs as sysfs files.
 */
final class FakeContext implements CommandContext {

    final Map<String, String> xenstore = new TreeMap<>();
    final List<List<String>> commands = new ArrayList<>();
    final Map<String, String> settings = new HashMap<>();
    private final Map<Class<?>, Object> state = new HashMap<>();
    private final HostFacts facts;

    FakeContext(Path root, HostFacts.OsFamily family, String osId, String version) {
        this.facts = new HostFacts(osId, version, List.of(), family, "amd64", HostFacts.InitSystem.SYSTEMD, root,
                List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
    }

    /** Adds a NIC to {@code sys/class/net}. */
    FakeContext nic(String name, String mac) throws IOException {
        Path dir = Files.createDirectories(facts.root().resolve("sys/class/net/" + name));
        Files.writeString(dir.resolve("address"), mac + "\n");
        Files.writeString(dir.resolve("type"), "1\n");
        return this;
    }

    /** Adds an executable under the root, for {@link HostFacts#which}. */
    FakeContext tool(String absolutePath) throws IOException {
        Path p = facts.resolve(absolutePath);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        p.toFile().setExecutable(true);
        return this;
    }

    FakeContext file(String absolutePath, String content) throws IOException {
        Path p = facts.resolve(absolutePath);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return this;
    }

    @Override
    public XenStoreView xenStore() {
        return new XenStoreView() {
            @Override
            public Optional<String> read(String path) {
                return Optional.ofNullable(xenstore.get(path));
            }

            @Override
            public List<String> list(String path) {
                String prefix = path + "/";
                return xenstore.keySet().stream().filter(k -> k.startsWith(prefix))
                        .map(k -> k.substring(prefix.length())).filter(k -> !k.contains("/")).toList();
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
        return (List<String> command, byte[] stdin, Duration timeout) -> {
            commands.add(List.copyOf(command));
            return ProcessResult.notExecuted();
        };
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public <T> T sharedState(Class<T> type, Supplier<T> factory) {
        return type.cast(state.computeIfAbsent(type, t -> factory.get()));
    }
}
