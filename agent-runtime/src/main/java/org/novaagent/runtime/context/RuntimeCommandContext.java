/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.context;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.novaagent.api.CommandContext;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessRunner;
import org.novaagent.api.XenStoreView;
import org.novaagent.runtime.config.AgentConfig;

/**
 * The runtime's {@link CommandContext}: one per request, carrying the capabilities chosen at
 * start-up (dry-run or real process runner, facts, configuration) and the owning module's
 * slice of the {@link SharedStateStore}.
 */
public final class RuntimeCommandContext implements CommandContext {

    private final XenStoreView xenStore;
    private final HostFacts facts;
    private final boolean live;
    private final boolean dryRun;
    private final Clock clock;
    private final ProcessRunner processes;
    private final AgentConfig config;
    private final SharedStateStore sharedStates;
    private final Module owner;

    /**
     * @param xenStore     read-only XenStore access
     * @param facts        facts about the target (its root is {@link #root()})
     * @param live         whether the target root is the live system
     * @param dryRun       whether this request is a dry run ({@code agent call --dry-run})
     * @param clock        the clock
     * @param processes    the process runner (dry-run unless live)
     * @param config       the agent configuration, for {@link #setting}
     * @param sharedStates the agent-wide state store
     * @param owner        the module of the handler this context is for
     */
    public RuntimeCommandContext(XenStoreView xenStore, HostFacts facts, boolean live, boolean dryRun, Clock clock,
                                 ProcessRunner processes, AgentConfig config, SharedStateStore sharedStates,
                                 Module owner) {
        this.xenStore = Objects.requireNonNull(xenStore, "xenStore");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.live = live;
        this.dryRun = dryRun;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.processes = Objects.requireNonNull(processes, "processes");
        this.config = Objects.requireNonNull(config, "config");
        this.sharedStates = Objects.requireNonNull(sharedStates, "sharedStates");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public XenStoreView xenStore() {
        return xenStore;
    }

    @Override
    public Path root() {
        return facts.root();
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
        return config.setting(key);
    }

    @Override
    public <T> T sharedState(Class<T> type, Supplier<T> factory) {
        return sharedStates.get(owner, type, factory);
    }
}
