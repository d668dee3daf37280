/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.nio.file.Files;
import java.util.List;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.Applier;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} for netplan systems (Ubuntu 18.04+, Debian with netplan): the shared
 * {@link ResetNetworkFlow} with the {@link NetplanRenderer} and {@code netplan apply}.
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    private static final Applier NETPLAN_APPLY = plan -> List.of(List.of("netplan", "apply"));
    private static final OwnedFiles OWNED = OwnedFiles.of(NetplanRenderer.PATH);

    /** ServiceLoader constructor. */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.NETPLAN;
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
                OWNED, foreignConfig(context));
    }

    @Override
    public ForeignConfigDetector foreignConfig(CommandContext context) {
        return new NetplanForeignConfig();
    }
}
