/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.novaagent.api.CommandContext;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessRunner;
import org.novaagent.api.XenStoreView;

/**
 * The {@link CommandContext} a handler test passes in place of the runtime's: a scratch root (not
 * the live system unless asked), host facts, settings, a clock, a {@link RecordingProcessRunner}
 * and a XenStore backed by a map, all changeable between two handler calls.
 */
public final class TestCommandContext implements CommandContext {

    private final Path root;
    private final HostFacts facts;
    private final boolean live;
    private final Clock clock;
    private final ProcessRunner processes;
    private final Map<String, String> settings;
    private final Map<String, String> xenStoreData;
    private volatile XenStoreView xenStore;
    private volatile boolean dryRun;
    private final Map<Class<?>, Object> shared = new HashMap<>();

    TestCommandContext(TestCommandContextBuilder b) {
        this.root = b.root;
        this.facts = b.facts == null ? TestHostFacts.debian(b.root) : b.facts;
        this.live = b.live;
        this.clock = b.clock;
        this.processes = b.processes;
        this.settings = new ConcurrentHashMap<>(b.settings);
        this.xenStoreData = new ConcurrentSkipListMap<>(b.xenStoreData);
        this.xenStore = b.xenStore == null ? new MapXenStoreView(xenStoreData) : b.xenStore;
    }

    /**
     * @param root the scratch root (a {@code @TempDir}); every default is described on
     *             {@link TestCommandContextBuilder}
     * @return a builder
     */
    public static TestCommandContextBuilder builder(Path root) {
        return new TestCommandContextBuilder(root);
    }

    /**
     * @param root the scratch root
     * @return a context with every default of {@link TestCommandContextBuilder}
     */
    public static TestCommandContext of(Path root) {
        return builder(root).build();
    }

    /**
     * The live map behind the default XenStore view, sorted by key: put, change or remove keys
     * between handler calls (for example {@code vm-data/networking/BC764E207572}).
     *
     * @return the map
     */
    public Map<String, String> xenStoreData() {
        return xenStoreData;
    }

    /** @param view the XenStore the handler reads from now on (for example the state after an attach) */
    public void useXenStore(XenStoreView view) {
        this.xenStore = Objects.requireNonNull(view, "view");
    }

    /**
     * @param key   a setting key, for example {@code password.user}
     * @param value its value, or {@code null} to remove it
     * @return this
     */
    public TestCommandContext putSetting(String key, String value) {
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }
        return this;
    }

    /**
     * @param value what {@link #dryRun()} answers from now on (as {@code agent call --dry-run} asks)
     * @return this
     */
    public TestCommandContext dryRun(boolean value) {
        this.dryRun = value;
        return this;
    }

    /**
     * @return the recording runner this context hands out
     * @throws IllegalStateException when the builder was given another {@link ProcessRunner}
     */
    public RecordingProcessRunner runner() {
        if (processes instanceof RecordingProcessRunner recording) {
            return recording;
        }
        throw new IllegalStateException("this context runs processes with " + processes + ", not a recording runner");
    }

    /** @return every command run through {@link #processes()} so far, in order */
    public List<List<String>> commands() {
        return runner().commands();
    }

    /** Forgets the recorded commands. */
    public void clearCommands() {
        runner().clear();
    }

    /**
     * Writes a file under the root.
     *
     * @param absolutePath a guest path such as {@code /etc/network/interfaces}
     * @param content      its content (UTF-8)
     * @return this
     * @throws IOException when the file cannot be written
     */
    public TestCommandContext file(String absolutePath, String content) throws IOException {
        Path p = resolve(absolutePath);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return this;
    }

    /**
     * Installs an executable stub under the root, so {@link HostFacts#which} finds it.
     *
     * @param absolutePath a guest path such as {@code /usr/sbin/ifup}
     * @return this
     * @throws IOException when the file cannot be written or made executable
     */
    public TestCommandContext tool(String absolutePath) throws IOException {
        file(absolutePath, "#!/bin/sh\n");
        if (!resolve(absolutePath).toFile().setExecutable(true)) {
            throw new IOException("cannot make " + absolutePath + " executable");
        }
        return this;
    }

    /**
     * Adds an Ethernet NIC to {@code sys/class/net} under the root ({@code address} and {@code type}).
     *
     * @param name the interface name, for example {@code eth0}
     * @param mac  its MAC address
     * @return this
     * @throws IOException when the files cannot be written
     */
    public TestCommandContext nic(String name, String mac) throws IOException {
        file("/sys/class/net/" + name + "/address", mac + "\n");
        return file("/sys/class/net/" + name + "/type", "1\n");
    }

    @Override
    public XenStoreView xenStore() {
        return xenStore;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public boolean liveSystem() {
        return live;
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public HostFacts hostFacts() {
        return facts;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ProcessRunner processes() {
        return processes;
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** One instance per class for the life of this context; the factory may itself use shared state. */
    @Override
    public <T> T sharedState(Class<T> type, Supplier<T> factory) {
        synchronized (shared) {
            Object state = shared.get(type);
            if (state == null) {
                state = Objects.requireNonNull(factory.get(), "factory returned null");
                shared.put(type, state);
            }
            return type.cast(state);
        }
    }
}
