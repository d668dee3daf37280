/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.NmKeyfileRenderer;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.network.ResetNetworkHandler;

/**
 * {@code resetnetwork} on RHEL-family guests: ifcfg files or NetworkManager keyfiles as
 * {@link RhelFormat#choose} decides (keyfiles on EL10+ and Fedora 41+, or when
 * {@value #KEYFILES_SETTING} is true); applied through NetworkManager when {@code nmcli} exists, else the legacy service.
 */
public final class ResetNetworkCommandHandler implements ResetNetworkHandler {

    /** Agent setting that forces NetworkManager keyfiles on EL7–EL9. */
    public static final String KEYFILES_SETTING = RhelFormat.KEYFILES_SETTING;
    private static final List<String> RHEL_LIKE = List.of("rhel", "centos", "fedora", "almalinux", "rocky", "ol");

    /** Creates the handler (stateless). */
    public ResetNetworkCommandHandler() {
    }

    @Override
    public NetworkBackend backend() {
        return NetworkBackend.RHEL;
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        String os = facts.osId() + " " + facts.osVersionId();
        if (facts.family() == HostFacts.OsFamily.RHEL) {
            return Applicability.yes("RHEL family (" + os.strip() + ")");
        }
        boolean rhelLike = RHEL_LIKE.contains(facts.osId()) || facts.idLike().stream().anyMatch(RHEL_LIKE::contains);
        boolean scripts = Files.isDirectory(facts.resolve("/etc/sysconfig/network-scripts"));
        boolean nm = Files.isDirectory(facts.resolve("/etc/NetworkManager"));
        if (rhelLike && (scripts || nm)) {
            return Applicability.yes("RHEL-like (" + os.strip() + ") with "
                    + (scripts ? "etc/sysconfig/network-scripts" : "etc/NetworkManager"));
        }
        return Applicability.no("not a RHEL-family system (" + os.strip() + ", family " + facts.family()
                + (rhelLike ? ", neither etc/sysconfig/network-scripts nor etc/NetworkManager" : "") + ")");
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        HostFacts facts = context.hostFacts();
        boolean keyfiles = keyfiles(context);
        boolean nm = facts.which("nmcli").isPresent();
        RhelApplier.Mode mode = nm ? (keyfiles ? RhelApplier.Mode.NM_KEYFILE : RhelApplier.Mode.NM_IFCFG)
                : facts.which("systemctl").isPresent() ? RhelApplier.Mode.LEGACY_SYSTEMCTL : RhelApplier.Mode.LEGACY_IFUP;
        ResetNetworkFlow flow = new ResetNetworkFlow();
        if (keyfiles) {
            return flow.run(context, new NmKeyfileRenderer(), (ctx, stager) -> RendererOptions.defaults(),
                    new RhelApplier(mode), NmKeyfileRenderer.OWNED, foreignConfig(context));
        }
        return flow.run(context, new IfcfgRenderer(), (ctx, stager) -> ifcfgOptions(stager, nm),
                new RhelApplier(mode), IfcfgRenderer.OWNED, foreignConfig(context));
    }

    @Override
    public ForeignConfigDetector foreignConfig(CommandContext context) {
        return new RhelForeignConfig(keyfiles(context));
    }

    /** @return true when this host gets NetworkManager keyfiles rather than ifcfg files */
    private static boolean keyfiles(CommandContext context) {
        HostFacts facts = context.hostFacts();
        return RhelFormat.choose(facts.osId(), facts.majorVersion(),
                context.setting(KEYFILES_SETTING).map(Boolean::parseBoolean).orElse(false)) == RhelFormat.KEYFILE;
    }

    /** Current ifcfg/route files and etc/sysconfig/network, which the renderer merges into. */
    static RendererOptions ifcfgOptions(FileStager stager, boolean nmControlled) throws IOException {
        Map<String, String> existing = new HashMap<>();
        stager.read(RhelNames.SYSCONFIG_NETWORK).ifPresent(c -> existing.put(RhelNames.SYSCONFIG_NETWORK, c));
        Path dir = stager.resolve(RhelNames.SCRIPTS);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{ifcfg,route,route6}-*")) {
                for (Path p : files) {
                    String name = p.getFileName().toString();
                    if (!name.endsWith(FileStager.BACKUP_SUFFIX) && Files.isRegularFile(p)) {
                        String rel = RhelNames.SCRIPTS + name;
                        stager.read(rel).ifPresent(c -> existing.put(rel, c));
                    }
                }
            }
        }
        return new RendererOptions(Map.of(IfcfgRenderer.NM_CONTROLLED, Boolean.toString(nmControlled)), existing);
    }
}
