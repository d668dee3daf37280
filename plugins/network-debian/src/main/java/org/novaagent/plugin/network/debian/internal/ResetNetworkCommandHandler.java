/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.EniApplier;
import org.novaagent.network.EniForeignConfig;
import org.novaagent.network.EniSources;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} on Debian/Ubuntu guests that use ifupdown: parse, render
 * ENI, stage, bounce the changed interfaces (all through the shared {@link ResetNetworkFlow}).
 * Where netplan is also installed the netplan handler wins, by the order of {@link NetworkBackend}.
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** The drop-in is ours: removed when the main file stops including interfaces.d. */
    static final OwnedFiles OWNED = OwnedFiles.of(EniRenderer.DROP_IN);

    /**
     * The renderer merges into the operator's main file, so it gets its current content, and the
     * files it sources (to know whether a loopback stanza exists somewhere).
     */
    static final RendererOptionsFactory OPTIONS = (ctx, stager) -> {
        Map<String, String> existing = new HashMap<>();
        stager.read(EniRenderer.INTERFACES).ifPresent(c -> existing.put(EniRenderer.INTERFACES, c));
        for (String file : EniSources.sourced(stager)) {
            stager.read(file).ifPresent(c -> existing.put(file, c));
        }
        return new RendererOptions(Map.of(), existing);
    };

    /** Creates the handler (stateless). */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.IFUPDOWN;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.family() == HostFacts.OsFamily.ALPINE) {
            return Applicability.no("Alpine: its ifup is ifupdown-ng, another ENI dialect;"
                    + " the network-alpine plugin configures this host");
        }
        if (!Files.isRegularFile(facts.resolve("/etc/network/interfaces"))) {
            return Applicability.no("no etc/network/interfaces under the target root");
        }
        if (facts.which("ifup").isEmpty()) {
            return Applicability.no("ifup (ifupdown) not found in " + facts.searchPath());
        }
        return Applicability.yes("ifupdown: etc/network/interfaces and ifup present");
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        return new ResetNetworkFlow().run(context, new EniRenderer(), OPTIONS, new EniApplier(), OWNED,
                foreignConfig(context));
    }

    @Override
    public ForeignConfigDetector foreignConfig(CommandContext context) {
        return new EniForeignConfig();
    }
}
