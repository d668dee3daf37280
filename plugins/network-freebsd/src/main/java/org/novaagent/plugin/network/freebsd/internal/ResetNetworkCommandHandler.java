/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import java.util.HashMap;
import java.util.Map;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.NicSource;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} on FreeBSD: NICs from {@code ifconfig -a}, rc.conf and resolv.conf rendered,
 * staged with backups and rollback, then {@code service netif} / {@code service routing} (all
 * through the shared {@link ResetNetworkFlow}). The hostname is set with {@code hostname N} and
 * kept in rc.conf's {@code hostname}.
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** The renderer edits rc.conf in place, so it gets its current content. */
    static final RendererOptionsFactory OPTIONS = (ctx, stager) -> {
        Map<String, String> existing = new HashMap<>();
        stager.read(RcConfRenderer.RC_CONF).ifPresent(c -> existing.put(RcConfRenderer.RC_CONF, c));
        return new RendererOptions(Map.of(), existing);
    };

    /** Creates the handler (stateless). */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.FREEBSD_RC;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.family() != HostFacts.OsFamily.FREEBSD) {
            return Applicability.no("not FreeBSD (os-release ID or bin/freebsd-version): family " + facts.family());
        }
        if (facts.which("service").isEmpty() || facts.which("ifconfig").isEmpty()) {
            return Applicability.no("service(8) or ifconfig(8) not found in " + facts.searchPath());
        }
        return Applicability.yes("FreeBSD: rc.conf variables (sysrc semantics), resolv.conf, service netif/routing");
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        return new ResetNetworkFlow(nics()).run(context, new RcConfRenderer(), OPTIONS,
                new FreebsdApplier(), OwnedFiles.none(), foreignConfig(context));
    }

    @Override
    public ForeignConfigDetector foreignConfig(CommandContext context) {
        return new RcConfForeignConfig();
    }

    @Override
    public NicSource nics() {
        return IfconfigNics::discover;
    }
}
