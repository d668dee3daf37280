/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.novaagent.api.CommandContext;
import org.novaagent.api.HealthFinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agent doctor}'s view of what the next {@code resetnetwork} would take over: the selected
 * handler's own {@link ForeignConfigDetector} (the one {@link ResetNetworkFlow} runs) over the
 * target root, without changing anything. Each foreign file that configures one of the agent's
 * NICs is a failure (it overrides, or at the next boot will override, what the agent writes) whose
 * fix is the takeover; cloud-init without {@value ForeignConfigTakeover#CLOUD_INIT_DROP_IN} is a
 * warning. The agent's NICs are the ones the host lists under {@code vm-data/networking} when
 * XenStore can be read and matched, otherwise every real NIC of the target (the ones the host
 * could list). Reached through {@link ResetNetworkHandler#checkHealth}.
 */
public final class ForeignConfigReport {

    /** The doctor topic of every finding. */
    public static final String TOPIC = "overrides";
    static final String FIX = "nova-agent call resetnetwork (takes the files over for the NICs it configures; see what it"
            + " would change first with --dry-run; originals are kept under /var/lib/nova-agent/backup)";

    private static final Logger LOG = LoggerFactory.getLogger(ForeignConfigReport.class);

    private final NicSource nics;

    /** @param nics where the handler finds the real NICs of the target */
    public ForeignConfigReport(NicSource nics) {
        this.nics = nics;
    }

    /**
     * @param ctx      the doctor's context (root, read-only XenStore that may refuse reads)
     * @param detector the selected handler's detector; {@link ForeignConfigDetector#NONE} checks only cloud-init
     * @return one failure per foreign file, or one ok naming the NICs looked at; then the cloud-init finding
     * @throws IOException when a file or the NICs cannot be read
     */
    public List<HealthFinding> check(CommandContext ctx, ForeignConfigDetector detector) throws IOException {
        List<HealthFinding> out = new ArrayList<>();
        FileStager stager = new FileStager(ctx.root());
        if (detector != ForeignConfigDetector.NONE) {
            List<LocalNic> local = nics.discover(ctx);
            Optional<NetworkConfig> fromHost = fromXenStore(ctx, local);
            NetworkConfig config = fromHost.orElseGet(() -> everyNic(local));
            String whose = fromHost.isPresent() ? "the NICs the host configures" : "every NIC of the target; no network data read from XenStore";
            List<String> names = config.interfaces().stream().map(NetInterface::name).toList();
            for (ForeignConfig f : detector.detect(config, stager)) {
                Optional<String> content = stager.read(f.path());
                if (content.isEmpty() || f.action() == ForeignConfig.Action.REPLACE && ForeignConfigTakeover.isMarked(content.get())) {
                    continue; // gone, or already ours
                }
                out.add(HealthFinding.fail(TOPIC, f.path() + " (" + f.owner() + ") configures "
                        + (f.interfaces().isEmpty() ? "the agent's NICs" : String.join(", ", f.interfaces()))
                        + " and overrides the agent's configuration; resetnetwork would "
                        + f.action().name().toLowerCase(Locale.ROOT) + " it", FIX));
            }
            if (out.isEmpty()) {
                out.add(HealthFinding.ok(TOPIC, "no other tool configures " + (names.isEmpty() ? "a NIC" : String.join(", ", names))
                        + " (" + whose + ")"));
            }
        }
        if (Files.isDirectory(stager.resolve("etc/cloud"))) {
            String dropIn = ForeignConfigTakeover.CLOUD_INIT_DROP_IN;
            out.add(stager.read(dropIn).isPresent()
                    ? HealthFinding.ok(TOPIC, "cloud-init told not to write network configuration (" + dropIn + ")")
                    : HealthFinding.warn(TOPIC, "cloud-init is installed and may write network configuration again at boot"
                            + " (no " + dropIn + ")", FIX));
        }
        return out;
    }

    private static Optional<NetworkConfig> fromXenStore(CommandContext ctx, List<LocalNic> local) {
        try {
            NetworkConfig config = new XenStoreNetworkParser().read(ctx.xenStore(), local);
            return config.interfaces().isEmpty() ? Optional.empty() : Optional.of(config);
        } catch (IOException | NetworkConfigException e) {
            LOG.debug("doctor: no network data from XenStore ({}); looking at every NIC", e.getMessage());
            return Optional.empty();
        }
    }

    private static NetworkConfig everyNic(List<LocalNic> local) {
        List<NetInterface> all = new ArrayList<>();
        for (LocalNic n : local) {
            all.add(new NetInterface(n.name(), n.mac(), "", n.macKey(), List.of(), List.of(), Optional.empty(),
                    Optional.empty(), List.of(), List.of()));
        }
        return new NetworkConfig(all, Optional.empty());
    }
}
