/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.history.RequestHistory;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.loop.AgentDaemon;
import org.novaagent.runtime.loop.DaemonSettings;
import org.novaagent.runtime.notify.FailedStartNotice;
import org.novaagent.runtime.plugin.SelectionRow;
import org.novaagent.runtime.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agent run}: the daemon. Assembles the agent, logs what was selected, then hands over
 * to the XenStore message loop through {@link #startLoop}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "Run the agent: watch XenStore and answer the host's requests.", footer = ExitCodes.FOOTER)
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    AgentOptions options;

    @Option(names = "--xenstore", paramLabel = "PATH",
            description = "XenStore device or socket (default: xenstore.path of the config, else detected).")
    String xenstore;

    @Option(names = "--once", description = "Answer the requests pending now, then exit.")
    boolean once;

    @Override
    public Integer call() {
        int code;
        try {
            code = start();
        } catch (RuntimeException e) {
            FailedStartNotice.send(System.getenv(), ExitCodes.FAILURE, e.toString());
            throw e;
        }
        if (code != ExitCodes.OK) {
            FailedStartNotice.send(System.getenv(), code, code == ExitCodes.USAGE ? "usage or configuration error" : "failed");
        }
        return code;
    }

    private int start() {
        Optional<AgentConfig> config = options.configOrReport("xenstore.path", xenstore);
        if (config.isEmpty()) {
            return ExitCodes.USAGE;
        }
        AgentConfig cfg = config.get();
        AgentAssembly agent = options.assemble(cfg);
        for (SelectionRow row : agent.rows()) {
            LOG.info("{} {} {} [{}]: {}", row.command().isEmpty() ? "-" : row.command(), row.module(), row.version(),
                    row.origin(), row.detail());
        }
        LOG.info("routable commands: {}", String.join(",", agent.router().commandNames()));
        return startLoop(agent, once);
    }

    /**
     * Runs the XenStore message loop until shutdown (or, with {@code once}, until the pending
     * requests are answered). The XenStore path is {@code agent.config().xenstorePath()}
     * ({@code --xenstore} already applied; empty = detect).
     *
     * @param agent the assembled agent (router, config, facts)
     * @param once  answer what is pending, then return
     * @return the process exit code ({@link ExitCodes})
     */
    int startLoop(AgentAssembly agent, boolean once) {
        try {
            agent.runStartupActions();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
        AgentDaemon daemon = AgentDaemon.create(settings(agent, once), agent.hostFacts(), agent.router())
                .recordTo(RequestHistory.forHost(agent.root(), agent.hostFacts()));
        if (!once) {
            daemon.installShutdownHook();
        }
        try {
            return daemon.run() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted; stopping");
            return ExitCodes.FAILURE;
        }
    }

    /**
     * The loop settings from the configuration (CLI options already applied) and the selected
     * handlers' declared timeouts.
     *
     * @param agent the assembled agent
     * @param once  answer what is pending, then return
     * @return the daemon settings
     */
    static DaemonSettings settings(AgentAssembly agent, boolean once) {
        AgentConfig cfg = agent.config();
        Map<String, Duration> perCommand = new TreeMap<>();
        // the operator's timeout.<command> wins over the handler's own, which wins over timeout.default
        agent.selected().forEach((command, handler) -> perCommand.put(command,
                cfg.timeoutFor(command).or(handler::timeout).orElse(cfg.defaultTimeout())));
        return DaemonSettings.defaults()
                .withXenStorePath(cfg.xenstorePath().map(Path::of))
                .withOnce(once)
                .withTimeouts(cfg.defaultTimeout(), perCommand)
                .withRescan(cfg.rescanInterval(), cfg.repliesGrace())
                .withJournal(Optional.of(StateFiles.forHost(agent.root(), agent.hostFacts())));
    }
}
