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
import org.novaagent.plugin.network.windows.internal.nativeapi.ComputerNameException;
import org.novaagent.plugin.network.windows.internal.nativeapi.ComputerNameSetter;
import org.novaagent.plugin.network.windows.internal.nativeapi.Win32ComputerName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code resetnetwork} on Windows: read the adapters ({@link AdapterQuery}), keep the candidates
 * ({@link AdapterFilter}), parse the host's data with network-common's parser (same validation and
 * MAC matching as on Linux), plan ({@link NetworkPlanner}), apply in one PowerShell session
 * ({@link PlanExecutor}), then rename the computer ({@link ComputerRename}, Win32 API). A failure
 * answers {@value #FAILURE}, never {@code "500"}, which nova reads as success for this command.
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** nova's failure code for resetnetwork (agent-runtime's {@code NovaAcceptance}). */
    static final String FAILURE = "1";

    /**
     * The dry run's answer when the read-only query was not executed either: the runtime runs it only on the
     * live system (on another root it would read this machine, not the root).
     */
    static final String DRY_RUN_UNREAD = "dry run: nothing was run. resetnetwork reads the adapters (one read-only"
            + " PowerShell session), plans the differences and applies them in a second session; the plan depends on"
            + " the adapters' state, which a dry run reads only on the live system";

    /** A request value starting with this keeps the computer name (protocol §2.7). */
    static final String NO_HOSTNAME = "nohostname";

    private static final Logger LOG = LoggerFactory.getLogger(ResetNetworkCommandHandler.class);

    private final ComputerNameSetter names;

    /** Creates the handler; kernel32 is loaded only when a live guest is renamed. */
    public ResetNetworkCommandHandler() {
        this(Win32ComputerName.system());
    }

    /** @param names how the computer is renamed (tests pass a recording setter) */
    ResetNetworkCommandHandler(ComputerNameSetter names) {
        this.names = names;
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
            if (state.isEmpty() && context.dryRun()) {
                return CommandResult.ok(DRY_RUN_UNREAD);
            }
            if (state.isEmpty()) {
                return CommandResult.of(FAILURE, "the adapters cannot be read: the target root is not the"
                        + " live system (the PowerShell query was only logged); nothing configured");
            }
            plan = plan(context.xenStore(), state.get(), request.value());
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
        if (!plan.changes().isEmpty()) {
            PlanExecutor.Outcome outcome = PlanExecutor.apply(context.processes(), plan);
            if (!outcome.succeeded()) {
                return CommandResult.of(FAILURE, "resetnetwork failed: " + outcome.failure().get());
            }
            LOG.info("resetnetwork: {} adapter changes applied{}", plan.changes().size(),
                    outcome.executed() ? "" : " (logged only)");
        }
        List<String> message = new ArrayList<>(plan.notes());
        if (plan.computerName().isPresent()) {
            try {
                message.add(ComputerRename.apply(context, names, plan.computerName().get()));
            } catch (ComputerNameException e) {
                LOG.warn("resetnetwork: {}", e.getMessage());
                return CommandResult.of(FAILURE, "the adapters are configured, but the computer could not be renamed to '"
                        + plan.computerName().get() + "': " + e.getMessage());
            }
        }
        return CommandResult.ok(String.join("; ", message));
    }

    /** As {@link #plan(XenStoreView, HostState, String)} for a request with an empty value. */
    static NetworkPlan plan(XenStoreView view, HostState state) throws NetworkConfigException, IOException {
        return plan(view, state, "");
    }

    /**
     * Reads the host's data and plans against the adapters; pure apart from the XenStore reads.
     *
     * @param view  the host's data
     * @param state the adapters now
     * @param value the request's value: one starting with {@value #NO_HOSTNAME} keeps the computer name
     *              (protocol §2.7, the old Windows agent's rule)
     */
    static NetworkPlan plan(XenStoreView view, HostState state, String value) throws NetworkConfigException, IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String child : view.list(XenStoreNetworkParser.NETWORKING)) {
            view.read(XenStoreNetworkParser.NETWORKING + "/" + child).ifPresent(v -> entries.put(child, v));
        }
        AdapterFilter.Result filter = AdapterFilter.select(state);
        // the hostname is not passed: Windows' limit is NetBIOS', applied by ComputerName
        NetworkConfig config = new XenStoreNetworkParser().parse(entries, Optional.empty(), filter.nics());
        ComputerName.Decision computer = ComputerName.decide(view.read(XenStoreNetworkParser.HOSTNAME),
                state.computerName());
        if (value.startsWith(NO_HOSTNAME) && computer.newName().isPresent()) {
            computer = new ComputerName.Decision(Optional.empty(), List.of("computer name not changed to '"
                    + computer.newName().get() + "': the request's value starts with '" + NO_HOSTNAME + "'"));
        }
        return NetworkPlanner.plan(config, state, filter, computer, ProviderFirewall.decide(view, state.firewallRule()));
    }
}
