/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.novaagent.api.CommandContext;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.novaagent.api.XenStoreView;

/**
 * A {@link CommandContext} for network tests: a scratch root (never the live system), a given
 * XenStore view, settings, and a process runner that records every command and answers with
 * scripted results (exit 0 unless {@link #failWhen} matches), so tests observe apply commands
 * without running them.
 */
public final class TestContext implements CommandContext {

    private final Path root;
    private XenStoreView xenStore;
    private final Map<String, String> settings = new HashMap<>();
    private final List<List<String>> commands = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final HostFacts facts;

    private record Failure(Predicate<List<String>> when, int exit, String stderr, int[] remaining) {
    }

    /**
     * @param root     the scratch root
     * @param xenStore the XenStore the handler reads
     */
    public TestContext(Path root, XenStoreView xenStore) {
        this.root = root;
        this.xenStore = xenStore;
        this.facts = new HostFacts("debian", "12", List.of(), HostFacts.OsFamily.DEBIAN, "amd64",
                HostFacts.InitSystem.SYSTEMD, root, List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
                "/usr/bin", "/sbin", "/bin"));
    }

    /** @param view the XenStore to read from now on (e.g. the state after an attach) */
    public void xenStore(XenStoreView view) {
        this.xenStore = view;
    }

    /**
     * @param key   setting key, e.g. {@code network.manage-etc-hosts}
     * @param value its value
     * @return this
     */
    public TestContext set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /**
     * Makes matching commands fail.
     *
     * @param when   which commands fail
     * @param exit   their exit code
     * @param stderr their standard error
     * @param times  how many times (then they succeed again)
     * @return this
     */
    public TestContext failWhen(Predicate<List<String>> when, int exit, String stderr, int times) {
        failures.add(new Failure(when, exit, stderr, new int[] {times}));
        return this;
    }

    /** @return every command run so far, in order */
    public List<List<String>> commands() {
        return List.copyOf(commands);
    }

    /** Forgets the recorded commands. */
    public void clearCommands() {
        commands.clear();
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
        return this::record;
    }

    private ProcessResult record(List<String> command, byte[] stdin, Duration timeout) {
        commands.add(List.copyOf(command));
        for (Failure f : failures) {
            if (f.remaining()[0] > 0 && f.when().test(command)) {
                f.remaining()[0]--;
                return new ProcessResult(f.exit(), "", f.stderr(), true);
            }
        }
        return new ProcessResult(0, "", "", true);
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public <T> T sharedState(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }
}
