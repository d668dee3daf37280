/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import java.util.HashMap;
import java.util.Map;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.EniApplier;
import org.novaagent.network.EniForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} on Alpine Linux: parse, render the ifupdown-ng dialect of ENI and
 * {@code /etc/resolv.conf}, stage, bounce the changed interfaces with {@code ifdown}/{@code ifup}
 * (all through the shared {@link ResetNetworkFlow}). The hostname goes to {@code /etc/hostname}
 * and {@code hostname N} (Alpine has no hostnamectl).
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** The renderer merges into the operator's main file, so it gets its current content. */
    static final RendererOptionsFactory OPTIONS = (ctx, stager) -> {
        Map<String, String> existing = new HashMap<>();
        stager.read(IfupdownNgRenderer.INTERFACES).ifPresent(c -> existing.put(IfupdownNgRenderer.INTERFACES, c));
        return new RendererOptions(Map.of(), existing);
    };

    /** Creates the handler (stateless). */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.IFUPDOWN_NG;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.family() != HostFacts.OsFamily.ALPINE) {
            return Applicability.no("not Alpine (os-release ID or etc/alpine-release): family " + facts.family());
        }
        if (facts.which("ifup").isEmpty()) {
            return Applicability.no("ifup (ifupdown-ng) not found in " + facts.searchPath());
        }
        return Applicability.yes("Alpine with ifupdown-ng: etc/network/interfaces and etc/resolv.conf");
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        return new ResetNetworkFlow().run(context, new IfupdownNgRenderer(), OPTIONS, new EniApplier(),
                OwnedFiles.none(), foreignConfig(context));
    }

    @Override
    public ForeignConfigDetector foreignConfig(CommandContext context) {
        return new EniForeignConfig();
    }
}
