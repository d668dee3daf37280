/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.history.RequestHistory;
import org.novaagent.runtime.loop.AgentDaemon;
import org.novaagent.runtime.loop.XenStoreFactory;
import org.novaagent.runtime.state.StateFiles;
import org.novaagent.runtime.winservice.ServiceCommandLine;
import org.novaagent.runtime.winservice.nativeapi.ServiceDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code agent service run}: what the Windows service control manager starts. The same assembly
 * and loop as {@code agent run}, inside the service control dispatcher: RUNNING is reported when
 * the loop is ready (its {@code READY=1}), a stop or shutdown control stops the loop, a non-zero
 * exit makes the SCM apply the failure actions (restart). Answered requests go to the same
 * {@link RequestHistory} as {@code run}'s, so {@code status} and {@code doctor} show them. Logs go to
 * the rotating file set up by {@code Main} before any logger exists.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "Run as the Windows service (started by the service control manager, not by hand).",
        footer = ExitCodes.FOOTER)
public final class ServiceRunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunCommand.class);

    @Mixin
    AgentOptions options;

    @Override
    public Integer call() {
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
            LOG.error("'service run' is for the Windows service control manager; use 'run' (systemd runs it on Linux)");
            return ExitCodes.USAGE;
        }
        Optional<AgentConfig> config = options.configOrReport(null, null);
        if (config.isEmpty()) {
            return ExitCodes.USAGE;
        }
        AgentAssembly agent = options.assemble(config.get());
        return ServiceDispatcher.load("advapi32").dispatch(ServiceCommandLine.SERVICE_NAME, body(agent));
    }

    /**
     * @param agent the assembled agent
     * @return the service body: the XenStore loop, reporting RUNNING when it is ready
     */
    static ServiceDispatcher.Body body(AgentAssembly agent) {
        return body(agent, StateFiles.forHost(agent.root(), agent.hostFacts()));
    }

    /**
     * @param agent the assembled agent
     * @param state where the request journal and history go (Windows: {@code C:\ProgramData\nova-agent})
     * @return the service body: the XenStore loop, reporting RUNNING when it is ready
     */
    static ServiceDispatcher.Body body(AgentAssembly agent, StateFiles state) {
        AtomicReference<AgentDaemon> daemon = new AtomicReference<>();
        return new ServiceDispatcher.Body() {
            private volatile boolean stopped;

            @Override
            public int run(Runnable ready) {
                AgentConfig cfg = agent.config();
                AgentDaemon d = new AgentDaemon(RunCommand.settings(agent, false).withJournal(Optional.of(state)),
                        XenStoreFactory.forHost(agent.hostFacts(), cfg.xenstorePath().map(Path::of)), agent.router(),
                        state -> {
                            if (state.startsWith("READY=1")) {
                                ready.run();
                            }
                            return true;
                        }, Clock.systemUTC())
                        .recordTo(RequestHistory.in(state, RequestHistory.DEFAULT_LIMIT)); // status and doctor read it
                daemon.set(d);
                if (stopped) {
                    return ExitCodes.OK;
                }
                try {
                    agent.runStartupActions(); // e.g. the image's cloud automation after a reboot
                    return d.run() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ExitCodes.FAILURE;
                }
            }

            @Override
            public void stop() {
                stopped = true;
                AgentDaemon d = daemon.get();
                if (d != null) {
                    d.requestStop();
                }
            }
        };
    }
}
