/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import java.util.HashMap;
import java.util.Map;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.NmKeyfileApplier;
import org.novaagent.network.NmKeyfileForeignConfig;
import org.novaagent.network.NmKeyfileRenderer;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} on openSUSE/SLES, through the shared {@link ResetNetworkFlow} with the stack
 * {@link SuseStack} finds on the root: with wicked (Leap 15, SLES 15) SUSE's ifcfg and ifroute files
 * and netconfig's DNS line, {@code wicked ifreload} of the changed NICs; with NetworkManager (Leap 16,
 * SLES 16, Tumbleweed) network-common's keyfile renderer, applier and takeover of other profiles bound
 * to the same NIC, shared with the RHEL plugin.
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
        return NetworkBackend.SUSE;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.family() != HostFacts.OsFamily.SUSE) {
            return Applicability.no("not openSUSE/SLES: family " + facts.family());
        }
        SuseStack.Choice choice = SuseStack.detect(facts);
        return choice.stack().isPresent() ? Applicability.yes(choice.reason()) : Applicability.no(choice.reason());
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        SuseStack.Choice choice = SuseStack.detect(context.hostFacts());
        if (choice.stack().isEmpty()) {
            return CommandResult.of("500", "no usable network stack: " + choice.reason());
        }
        ResetNetworkFlow flow = new ResetNetworkFlow();
        if (choice.stack().get() == SuseStack.NETWORK_MANAGER) {
            return flow.run(context, new NmKeyfileRenderer(), (ctx, stager) -> RendererOptions.defaults(),
                    new NmKeyfileApplier(), NmKeyfileRenderer.OWNED, foreignConfig(context));
        }
        return flow.run(context, new WickedRenderer(), OPTIONS, new WickedApplier(), OWNED);
    }

    /** NetworkManager: other profiles bound to our NICs; wicked: none (our ifcfg-<if> replaces the image's). */
    @Override
    public ForeignConfigDetector foreignConfig(CommandContext context) {
        return SuseStack.detect(context.hostFacts()).stack().filter(s -> s == SuseStack.NETWORK_MANAGER).isPresent()
                ? new NmKeyfileForeignConfig(true) : ForeignConfigDetector.NONE;
    }
}
