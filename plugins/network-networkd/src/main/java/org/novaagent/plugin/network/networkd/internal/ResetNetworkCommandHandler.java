/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} through systemd-networkd (Arch and any systemd distribution whose network
 * is networkd's): parse, render {@code .network} files, stage, {@code networkctl reload} and
 * {@code reconfigure} the changed NICs, all through the shared {@link ResetNetworkFlow}. A generic
 * fallback: its priority is below the distro-specific plugins, so netplan, ifupdown and the EL
 * plugin win where they apply.
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** Our files: the one of a detached NIC is removed. */
    static final OwnedFiles OWNED = OwnedFiles.of(NetworkdRenderer.GLOB);

    /** The renderer needs nothing from the current files. */
    static final RendererOptionsFactory OPTIONS = RendererOptionsFactory.DEFAULTS;

    private static final String WANTS = "/etc/systemd/system/multi-user.target.wants/";
    private static final List<String> DAEMONS = List.of("/usr/lib/systemd/systemd-networkd", "/lib/systemd/systemd-networkd");

    /** Creates the handler (stateless). */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.NETWORKD;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.initSystem() != HostFacts.InitSystem.SYSTEMD) {
            return Applicability.no("not a systemd system (init " + facts.initSystem() + ")");
        }
        if (DAEMONS.stream().noneMatch(d -> Files.isRegularFile(facts.resolve(d)))) {
            return Applicability.no("systemd-networkd is not installed (" + String.join(", ", DAEMONS) + ")");
        }
        if (!enabled(facts, "systemd-networkd.service")) {
            return Applicability.no("systemd-networkd is not enabled (no " + WANTS.substring(1) + "systemd-networkd.service)");
        }
        if (enabled(facts, "NetworkManager.service")) {
            return Applicability.no("NetworkManager is enabled as well: it would fight networkd over the NICs");
        }
        if (facts.which("networkctl").isEmpty()) {
            return Applicability.no("networkctl not found in " + facts.searchPath());
        }
        return Applicability.yes("systemd-networkd is enabled: .network files matched by MAC, DNS through resolved");
    }

    /** {@code systemctl enable} leaves a symlink, absolute and so dangling under a scratch root. */
    private static boolean enabled(HostFacts facts, String unit) {
        return Files.exists(facts.resolve(WANTS + unit), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        return new ResetNetworkFlow().run(context, new NetworkdRenderer(), OPTIONS, new NetworkdApplier(), OWNED,
                foreignConfig(context));
    }

    @Override
    public ForeignConfigDetector foreignConfig(CommandContext context) {
        return new NetworkdForeignConfig();
    }
}
