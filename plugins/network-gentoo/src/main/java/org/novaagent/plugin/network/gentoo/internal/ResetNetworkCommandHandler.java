/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.ForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} on Gentoo with OpenRC and netifrc: parse, edit {@code /etc/conf.d/net}, take over
 * {@code conf.d/net.<if>} lines for our NICs and a standalone dhcpcd's hold on them ({@code denyinterfaces}), stage with backups and rollback, then link, enable and
 * restart the changed {@code net.<if>} services (all through the shared {@link ResetNetworkFlow}). The
 * hostname goes to {@code /etc/hostname}, which OpenRC's {@code hostname} service reads before
 * {@code conf.d/hostname}, and {@code hostname N}. Gentoo's systemd profiles are left to network-networkd.
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** netifrc's service script every {@code net.<if>} links to. */
    static final String NET_LO = "etc/init.d/net.lo";

    /** The renderer merges into the operator's file, so it gets its current content. */
    static final RendererOptionsFactory OPTIONS = (ctx, stager) -> {
        Map<String, String> existing = new HashMap<>();
        stager.read(NetifrcRenderer.CONF_NET).ifPresent(c -> existing.put(NetifrcRenderer.CONF_NET, c));
        return new RendererOptions(Map.of(), existing);
    };

    /** Creates the handler (stateless). */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.NETIFRC;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.family() != HostFacts.OsFamily.GENTOO) {
            return Applicability.no("not Gentoo (os-release ID or etc/gentoo-release): family " + facts.family());
        }
        if (facts.initSystem() == HostFacts.InitSystem.SYSTEMD) {
            return Applicability.no("a Gentoo systemd profile: netifrc needs OpenRC (network-networkd serves systemd)");
        }
        if (facts.initSystem() != HostFacts.InitSystem.OPENRC) {
            return Applicability.no("OpenRC not found (init " + facts.initSystem() + ")");
        }
        if (!Files.isRegularFile(facts.resolve(NET_LO), LinkOption.NOFOLLOW_LINKS)) {
            return Applicability.no("netifrc is not installed (no " + NET_LO + ")");
        }
        if (Files.exists(facts.resolve("etc/runlevels/default/NetworkManager"), LinkOption.NOFOLLOW_LINKS)) {
            return Applicability.no("NetworkManager is in the default runlevel: it would fight netifrc over the NICs");
        }
        if (facts.which("rc-service").isEmpty() || facts.which("rc-update").isEmpty()) {
            return Applicability.no("rc-service or rc-update not found in " + facts.searchPath());
        }
        return Applicability.yes("Gentoo with OpenRC and netifrc: etc/conf.d/net, net.<if> services");
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        return new ResetNetworkFlow().run(context, new NetifrcRenderer(), OPTIONS, new NetifrcApplier(ServiceLinks.read(context.root())),
                OwnedFiles.none(), foreignConfig(context));
    }

    @Override
    public ForeignConfigDetector foreignConfig(CommandContext context) {
        ForeignConfigDetector netifrc = new NetifrcForeignConfig();
        ForeignConfigDetector dhcpcd = new DhcpcdForeignConfig();
        return (config, stager) -> {
            List<ForeignConfig> found = new ArrayList<>(netifrc.detect(config, stager));
            found.addAll(dhcpcd.detect(config, stager));
            return found;
        };
    }
}
