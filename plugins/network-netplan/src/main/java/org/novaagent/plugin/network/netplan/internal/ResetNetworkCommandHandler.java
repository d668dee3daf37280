/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.Applier;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;

/**
 * {@code resetnetwork} for netplan systems (Ubuntu 18.04+, Debian with netplan): the shared
 * {@link ResetNetworkFlow} with the {@link NetplanRenderer} and {@code netplan apply}.
 */
public final class ResetNetworkCommandHandler implements CommandHandler {

    private static final Applier NETPLAN_APPLY = plan -> List.of(List.of("netplan", "apply"));
    private static final OwnedFiles OWNED = OwnedFiles.of(NetplanRenderer.PATH);

    /** ServiceLoader constructor. */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public String name() {
        return "resetnetwork";
    }

    /** The place of this backend in the one ordered list, {@link NetworkBackend}. */
    @Override
    public int priority() {
        return NetworkBackend.NETPLAN.priority();
    }

    /** Restarting networking outlasts the runtime's default timeout. */
    @Override
    public Optional<Duration> timeout() {
        return Optional.of(ResetNetworkFlow.REQUEST_TIMEOUT);
    }

    /** {@link ResetNetworkFlow} reports a diff and the commands instead of acting. */
    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (!Files.isDirectory(facts.resolve("/etc/netplan"))) {
            return Applicability.no("no etc/netplan directory under the target root");
        }
        return facts.which("netplan").map(p -> Applicability.yes("netplan at " + p))
                .orElseGet(() -> Applicability.no("netplan not found in " + facts.searchPath()));
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        return new ResetNetworkFlow().run(context, new NetplanRenderer(), RendererOptionsFactory.DEFAULTS, NETPLAN_APPLY,
                OWNED, new NetplanForeignConfig());
    }
}
