/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessRunner;
import org.novaagent.runtime.builtin.FeaturesCommandHandler;
import org.novaagent.runtime.builtin.VersionCommandHandler;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.context.RuntimeCommandContext;
import org.novaagent.runtime.context.SharedStateStore;
import org.novaagent.runtime.facts.HostFactsProbe;
import org.novaagent.runtime.plugin.DiscoveredHandler;
import org.novaagent.runtime.plugin.HandlerSelector;
import org.novaagent.runtime.plugin.PluginDirectoryPolicy;
import org.novaagent.runtime.plugin.PluginLayerFactory;
import org.novaagent.runtime.plugin.PluginLoadResult;
import org.novaagent.runtime.plugin.Selection;
import org.novaagent.runtime.plugin.SelectionRow;
import org.novaagent.runtime.plugin.ServiceLoaderCommandRegistry;
import org.novaagent.runtime.process.DryRunProcessRunner;
import org.novaagent.runtime.process.SystemProcessRunner;
import org.novaagent.runtime.route.CommandRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the agent is put together: host facts from the target root, handlers
 * from the boot layer, the plugins directory and the built-ins, the selection, and a ready
 * {@link CommandRouter} whose contexts run processes for real only when the root is {@code /}.
 * Used by {@code agent run}, {@code agent plugins list}, {@code agent call}, the XenStore loop and
 * the in-process agent of CLI extensions.
 */
public final class AgentAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(AgentAssembly.class);

    private final Path root;
    private final boolean live;
    private final Path pluginsDir;
    private final AgentConfig config;
    private final HostFacts facts;
    private final List<DiscoveredHandler> handlers;
    private final Selection selection;
    private final List<String> problems;
    private final Optional<ModuleLayer> pluginLayer;
    private final ProcessRunner processes;
    private final SharedStateStore sharedStates = new SharedStateStore();
    private final Clock clock;
    private final CommandRouter router;

    private AgentAssembly(Path root, Path pluginsDir, AgentConfig config, boolean allowInsecure,
                          List<DiscoveredHandler> bootHandlers, HostFactsProbe probe, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.live = this.root.getParent() == null;
        this.pluginsDir = pluginsDir != null ? pluginsDir : config.pluginsDir();
        this.config = config;
        this.clock = clock;
        this.facts = probe.probe(this.root);
        LOG.info("target root {} ({}): {} {} family {}, init {}, arch {}", this.root, live ? "live system" : "dry run",
                facts.osId(), facts.osVersionId(), facts.family(), facts.initSystem(), facts.arch());
        List<DiscoveredHandler> all = new ArrayList<>();
        AtomicReference<CommandRouter> routerRef = new AtomicReference<>();
        all.add(DiscoveredHandler.builtIn(new VersionCommandHandler()));
        all.add(DiscoveredHandler.builtIn(new FeaturesCommandHandler(() -> routerRef.get().commandNames())));
        all.addAll(bootHandlers);
        PluginLoadResult plugins = new PluginLayerFactory(PluginDirectoryPolicy.forHost(facts, allowInsecure, live))
                .load(this.pluginsDir);
        all.addAll(plugins.handlers());
        this.pluginLayer = plugins.layer();
        this.handlers = List.copyOf(all);
        this.selection = new HandlerSelector().select(handlers, facts);
        List<String> allProblems = new ArrayList<>(plugins.problems());
        allProblems.addAll(selection.problems());
        this.problems = List.copyOf(allProblems);
        // a command nothing applies to is a fact of this host (kmsactivate on Linux), not a fault:
        // info at start-up; a request for it is answered 404 naming every reason, logged as a warning
        selection.problems().forEach(p -> {
            if (p.startsWith(HandlerSelector.NOTHING_APPLICABLE)) {
                LOG.info("{}", p);
            } else {
                LOG.warn("{}", p);
            }
        });
        this.processes = live ? new SystemProcessRunner() : new DryRunProcessRunner(this.root);
        this.router = new CommandRouter(selection.selected(), this::context, this.root, selection.unroutableReasons());
        routerRef.set(router);
    }

    /**
     * Assembles the agent with boot-layer handlers found by {@link java.util.ServiceLoader}.
     *
     * @param root          the target root ({@code /} for the live system)
     * @param pluginsDir    the plugins directory, or null for {@code plugins.dir} of the config
     * @param config        the configuration (CLI overrides already applied)
     * @param allowInsecure load plugins that fail the trust check anyway, loudly; ignored when root is {@code /}
     * @return the assembled agent
     */
    public static AgentAssembly build(Path root, Path pluginsDir, AgentConfig config, boolean allowInsecure) {
        return build(root, pluginsDir, config, allowInsecure, new ServiceLoaderCommandRegistry().discover());
    }

    /**
     * Assembles the agent with explicit boot handlers instead of ServiceLoader discovery (tests,
     * the demo). The built-in {@code version} and {@code features} are always added.
     *
     * @param root          the target root
     * @param pluginsDir    the plugins directory, or null for {@code plugins.dir} of the config
     * @param config        the configuration
     * @param allowInsecure load an insecure plugins directory anyway
     * @param bootHandlers  the handlers standing for the boot layer, origin as given
     * @return the assembled agent
     */
    public static AgentAssembly build(Path root, Path pluginsDir, AgentConfig config, boolean allowInsecure,
                                      List<DiscoveredHandler> bootHandlers) {
        return new AgentAssembly(root, pluginsDir, config, allowInsecure, bootHandlers, new HostFactsProbe(),
                Clock.systemUTC());
    }

    private RuntimeCommandContext context(org.novaagent.api.CommandRequest request,
                                          org.novaagent.api.XenStoreView xenStore) {
        return context(request, xenStore, false);
    }

    private RuntimeCommandContext context(org.novaagent.api.CommandRequest request,
                                          org.novaagent.api.XenStoreView xenStore, boolean dryRun) {
        CommandHandler h = selection.selected().get(request.name());
        Module owner = h != null ? h.getClass().getModule() : AgentAssembly.class.getModule();
        // a dry run never runs a process that may change something, even on the live system, whatever the
        // handler does; on the live system it may run the queries the handler marks read-only (runReadOnly)
        ProcessRunner runner = dryRun && live ? new DryRunProcessRunner(root, processes) : processes;
        return new RuntimeCommandContext(xenStore, facts, live, dryRun, clock, runner, config, sharedStates, owner);
    }

    /** @return the target root, absolute and normalised */
    public Path root() {
        return root;
    }

    /** @return true when the root is the live system's {@code /} (processes really run) */
    public boolean liveSystem() {
        return live;
    }

    /** @return the plugins directory that was scanned */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** @return the configuration in effect */
    public AgentConfig config() {
        return config;
    }

    /** @return the facts of the target root */
    public HostFacts hostFacts() {
        return facts;
    }

    /** @return every discovered handler (built-ins, boot layer, plugins directory) with its origin */
    public List<DiscoveredHandler> handlers() {
        return handlers;
    }

    /** @return one row per handler, as {@code agent plugins list} prints them */
    public List<SelectionRow> rows() {
        return selection.rows();
    }

    /** @return the routed handler per command name */
    public Map<String, CommandHandler> selected() {
        return selection.selected();
    }

    /** @return problems met (bad jars, insecure directory, ties, nothing applicable); empty if none */
    public List<String> problems() {
        return problems;
    }

    /** @return the plugins layer, empty when no plugin jar was loaded */
    public Optional<ModuleLayer> pluginLayer() {
        return pluginLayer;
    }

    /** @return the process runner handed to handlers (dry-run unless {@link #liveSystem()}) */
    public ProcessRunner processRunner() {
        return processes;
    }

    /** @return the state shared by handlers of one module across requests */
    public SharedStateStore sharedStates() {
        return sharedStates;
    }

    /** @return the router over {@link #selected()} */
    public CommandRouter router() {
        return router;
    }

    /**
     * A router over the same selection whose contexts answer {@code dryRun() == true} (and hand
     * out a process runner that only logs), for {@code agent call <command> --dry-run}. The caller
     * checks {@link CommandHandler#supportsDryRun()} first: a handler without it would act.
     *
     * @return a new router
     */
    public CommandRouter dryRunRouter() {
        return new CommandRouter(selection.selected(), (request, xenStore) -> context(request, xenStore, true), root,
                selection.unroutableReasons());
    }

    /**
     * @return contexts that answer {@code dryRun() == true} and only log processes, for
     *         {@code agent doctor}'s {@link org.novaagent.api.HealthCheck}s, which only read
     */
    public CommandRouter.ContextFactory dryRunContextFactory() {
        return (request, xenStore) -> context(request, xenStore, true);
    }

    /**
     * Runs the start-up actions of the selected handlers ({@link StartupActions}).
     *
     * @throws InterruptedException when interrupted (the agent is stopping)
     */
    public void runStartupActions() throws InterruptedException {
        StartupActions.run(selection.selected(), this::context);
    }

    /** @return the context factory the router uses (for callers that route themselves) */
    public CommandRouter.ContextFactory contextFactory() {
        return this::context;
    }
}
