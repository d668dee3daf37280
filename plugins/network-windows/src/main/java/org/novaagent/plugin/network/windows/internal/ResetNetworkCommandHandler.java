/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HealthFinding;
import org.novaagent.api.HostFacts;
import org.novaagent.api.XenStoreView;
import org.novaagent.network.ForeignConfigReport;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkConfigException;
import org.novaagent.network.ResetNetworkHandler;
import org.novaagent.network.XenStoreNetworkParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code resetnetwork} on Windows: read the adapters ({@link AdapterQuery}), keep the candidates
 * ({@link AdapterFilter}), parse the host's data with network-common's parser (same validation and
 * MAC matching as on Linux), plan ({@link NetworkPlanner}), apply in one PowerShell session
 * ({@link PlanExecutor}). A failure answers {@value #FAILURE}, never {@code "500"}, which nova reads
 * as success for this command. A computer rename takes effect at the next restart; the agent
 * restarts the guest only when {@value #REBOOT_SETTING} is true (default false).
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** nova's failure code for resetnetwork (agent-runtime's {@code NovaAcceptance}). */
    static final String FAILURE = "1";
    /** Setting: restart the guest after a computer rename (default false). */
    static final String REBOOT_SETTING = "network.windows.reboot-after-rename";
    /** How long Windows waits before the restart, so the reply is written first. */
    static final int REBOOT_DELAY_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(ResetNetworkCommandHandler.class);

    /** Creates the handler (stateless). */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.WINDOWS;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        return facts.isWindows()
                ? Applicability.yes("Windows: adapters configured with PowerShell's NetTCPIP and NetAdapter cmdlets")
                : Applicability.no("configures Windows adapters; this host's family is " + facts.family());
    }

    /**
     * Windows keeps adapter settings in its own store, not in files another tool wrote, so there is
     * nothing for doctor's takeover preview (the Linux check looks at sysfs and cloud-init's files).
     */
    @Override
    public List<HealthFinding> checkHealth(CommandContext context) {
        return List.of(HealthFinding.ok(ForeignConfigReport.TOPIC, "Windows: no other tool's network files to take over;"
                + " resetnetwork plans against the adapters' current settings"));
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        NetworkPlan plan;
        try {
            Optional<HostState> state = AdapterQuery.read(context.processes());
            if (state.isEmpty()) {
                return CommandResult.of(FAILURE, "the adapters cannot be read: the target root is not the"
                        + " live system (the PowerShell query was only logged); nothing configured");
            }
            plan = plan(context.xenStore(), state.get());
        } catch (NetworkConfigException | IllegalArgumentException e) {
            LOG.warn("resetnetwork rejected: {}", e.getMessage());
            return CommandResult.of(FAILURE, e.getMessage());
        } catch (IOException e) {
            LOG.warn("resetnetwork cannot read its input: {}", e.getMessage());
            return CommandResult.of(FAILURE, e.getMessage());
        }
        plan.skipped().forEach(s -> LOG.info("resetnetwork: adapter left alone: {}", s));
        plan.notes().forEach(n -> LOG.warn("resetnetwork: {}", n));
        if (context.dryRun()) {
            return CommandResult.ok(plan.describe() + (plan.isEmpty() ? "" : "\n" + PowerShellScript.of(plan.changes())));
        }
        if (plan.isEmpty()) {
            LOG.info("resetnetwork: adapters already configured, nothing to apply");
            return CommandResult.ok(String.join("; ", plan.notes()));
        }
        PlanExecutor.Outcome outcome = PlanExecutor.apply(context.processes(), plan);
        if (!outcome.succeeded()) {
            return CommandResult.of(FAILURE, "resetnetwork failed: " + outcome.failure().get());
        }
        List<String> message = new ArrayList<>(plan.notes());
        if (plan.computerRename().isPresent()) {
            message.add(rename(context, plan.computerRename().get()));
        }
        LOG.info("resetnetwork: {} changes applied{}", plan.changes().size(), outcome.executed() ? "" : " (logged only)");
        return CommandResult.ok(String.join("; ", message));
    }

    /** Reads the host's data and plans against the adapters; pure apart from the XenStore reads. */
    static NetworkPlan plan(XenStoreView view, HostState state) throws NetworkConfigException, IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String child : view.list(XenStoreNetworkParser.NETWORKING)) {
            view.read(XenStoreNetworkParser.NETWORKING + "/" + child).ifPresent(v -> entries.put(child, v));
        }
        AdapterFilter.Result filter = AdapterFilter.select(state);
        // the hostname is not passed: Windows' limit is NetBIOS', applied by ComputerName
        NetworkConfig config = new XenStoreNetworkParser().parse(entries, Optional.empty(), filter.nics());
        ComputerName.Decision computer = ComputerName.decide(view.read(XenStoreNetworkParser.HOSTNAME),
                state.computerName());
        return NetworkPlanner.plan(config, state, filter, computer);
    }

    private static String rename(CommandContext context, Change.ComputerRename rename) throws InterruptedException {
        String done = "computer name set to '" + rename.name() + "'; Windows applies it at the next restart";
        if (!context.setting(REBOOT_SETTING).map(s -> Boolean.parseBoolean(s.strip())).orElse(false)) {
            return done + " (the agent does not restart the guest unless " + REBOOT_SETTING + " = true)";
        }
        try {
            var r = context.processes().run(List.of("C:\\Windows\\System32\\shutdown.exe", "/r", "/t",
                    Integer.toString(REBOOT_DELAY_SECONDS), "/d", "p:2:4", "/c", "nova-agent: computer renamed"),
                    new byte[0], java.time.Duration.ofSeconds(30));
            return r.succeeded() ? done + ", restarting in " + REBOOT_DELAY_SECONDS + " s (" + REBOOT_SETTING + ")"
                    : done + "; the restart failed (shutdown.exe exit " + r.exitCode() + ")";
        } catch (IOException e) {
            return done + "; the restart failed: " + e.getMessage();
        }
    }
}
