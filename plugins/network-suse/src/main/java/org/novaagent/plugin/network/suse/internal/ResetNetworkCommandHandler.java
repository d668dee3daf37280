/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} on openSUSE Leap 15 / SLES 15 with wicked: parse, render SUSE's ifcfg and
 * ifroute files and netconfig's DNS line, stage with backups, {@code wicked ifreload} the changed
 * NICs (all through the shared {@link ResetNetworkFlow}). Releases that replaced wicked with
 * NetworkManager (Leap 16, SLES 16, Tumbleweed) are not served yet; the reason says so.
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** Our ifcfg/ifroute files: those of a detached NIC are removed (only with our header). */
    static final OwnedFiles OWNED = OwnedFiles.of(WickedRenderer.DIR + "/ifcfg-*", WickedRenderer.DIR + "/ifroute-*");

    /** The renderer edits netconfig's file in place, so it gets its current content. */
    static final RendererOptionsFactory OPTIONS = (ctx, stager) -> {
        Map<String, String> existing = new HashMap<>();
        stager.read(WickedRenderer.CONFIG).ifPresent(c -> existing.put(WickedRenderer.CONFIG, c));
        return new RendererOptions(Map.of(), existing);
    };

    /** Creates the handler (stateless). */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.WICKED;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.family() != HostFacts.OsFamily.SUSE) {
            return Applicability.no("not openSUSE/SLES: family " + facts.family());
        }
        if (facts.which("wicked").isEmpty()) {
            return Applicability.no("wicked not found in " + facts.searchPath()
                    + " (NetworkManager releases are not supported yet)");
        }
        if (!Files.isDirectory(facts.resolve("/etc/sysconfig/network"))) {
            return Applicability.no("no etc/sysconfig/network under the target root");
        }
        return Applicability.yes("wicked: SUSE ifcfg/ifroute files under etc/sysconfig/network");
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        return new ResetNetworkFlow().run(context, new WickedRenderer(), OPTIONS, new WickedApplier(), OWNED);
    }
}
