/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.novaagent.api.CommandContext;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessRunner;
import org.novaagent.api.XenStoreView;

/**
 * Builds a {@link TestCommandContext}. Defaults: {@link TestHostFacts#debian} facts for the
 * root, not live, no settings, {@link Clock#systemUTC()}, a new {@link RecordingProcessRunner}
 * (exit 0 for everything) and an empty map-backed XenStore.
 */
public final class TestCommandContextBuilder {

    final Path root;
    HostFacts facts;
    boolean live;
    Clock clock = Clock.systemUTC();
    ProcessRunner processes = new RecordingProcessRunner();
    final Map<String, String> settings = new HashMap<>();
    final Map<String, String> xenStoreData = new HashMap<>();
    XenStoreView xenStore;

    TestCommandContextBuilder(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * @param hostFacts the facts; their root must be this context's root
     * @return this
     */
    public TestCommandContextBuilder hostFacts(HostFacts hostFacts) {
        if (!hostFacts.root().equals(root)) {
            throw new IllegalArgumentException("facts are for " + hostFacts.root() + ", the context's root is " + root);
        }
        this.facts = hostFacts;
        return this;
    }

    /**
     * @param preset facts for a root, for example {@code TestHostFacts::rhel}
     * @return this
     */
    public TestCommandContextBuilder hostFacts(Function<Path, HostFacts> preset) {
        return hostFacts(preset.apply(root));
    }

    /**
     * @param liveSystem what {@link CommandContext#liveSystem()} answers
     * @return this
     */
    public TestCommandContextBuilder live(boolean liveSystem) {
        this.live = liveSystem;
        return this;
    }

    /**
     * @param key   a setting key
     * @param value its value
     * @return this
     */
    public TestCommandContextBuilder setting(String key, String value) {
        settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * @param testClock the clock, for example {@code Clock.fixed(...)}
     * @return this
     */
    public TestCommandContextBuilder clock(Clock testClock) {
        this.clock = Objects.requireNonNull(testClock, "testClock");
        return this;
    }

    /**
     * @param runner the recording runner to hand out (script it before or after building)
     * @return this
     */
    public TestCommandContextBuilder runner(RecordingProcessRunner runner) {
        return processes(runner);
    }

    /**
     * @param runner any runner, for example one that really runs programs
     * @return this
     */
    public TestCommandContextBuilder processes(ProcessRunner runner) {
        this.processes = Objects.requireNonNull(runner, "runner");
        return this;
    }

    /**
     * @param key   a XenStore key for the map-backed view
     * @param value its value
     * @return this
     */
    public TestCommandContextBuilder xenStoreEntry(String key, String value) {
        xenStoreData.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * @param view a XenStore view to use instead of the map-backed one
     * @return this
     */
    public TestCommandContextBuilder xenStore(XenStoreView view) {
        this.xenStore = Objects.requireNonNull(view, "view");
        return this;
    }

    /** @return the context */
    public TestCommandContext build() {
        return new TestCommandContext(this);
    }
}
