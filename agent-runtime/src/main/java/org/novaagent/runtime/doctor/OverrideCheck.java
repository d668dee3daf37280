/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of other tools that would override the agent's network configuration: nova-agent
 * 2.x's files and cloud-init's network output, and cloud-init without the agent's drop-in telling
 * it not to write network configuration again. Each is a warning whose fix is the agent's own
 * takeover ({@code nova-agent call resetnetwork}, which backs them up under
 * {@code var/lib/nova-agent/backup}; see network-common's README). Looks at the well-known file
 * names and their cloud-init/2.x markers only; which NIC each file configures is decided by the
 * network plugins' detectors during resetnetwork.
 */
final class OverrideCheck implements DoctorCheck {

    private static final String NAME = "overrides";
    /** network-common's {@code ForeignConfigTakeover.CLOUD_INIT_DROP_IN}. */
    static final String CLOUD_INIT_DROP_IN = "etc/cloud/cloud.cfg.d/99-nova-agent-network.cfg";
    private static final String FIX = "nova-agent call resetnetwork (takes the files over for the NICs it configures,"
            + " backed up under /var/lib/nova-agent/backup)";

    @Override
    public List<Finding> run(DoctorContext ctx) throws IOException {
        Path root = ctx.root();
        List<String> found = new ArrayList<>();
        if (Files.exists(root.resolve("etc/netplan/rackspace-cloud.yaml"))) {
            found.add("etc/netplan/rackspace-cloud.yaml (nova-agent 2.x)");
        }
        for (String f : List.of("etc/netplan/50-cloud-init.yaml", "etc/network/interfaces.d/50-cloud-init",
                "etc/network/interfaces.d/50-cloud-init.cfg")) {
            if (Files.isRegularFile(root.resolve(f)) && !allCommentedOut(root.resolve(f))) {
                found.add(f + " (cloud-init)");
            }
        }
        found.addAll(markedFiles(root, "etc/sysconfig/network-scripts", "ifcfg-*"));
        found.addAll(markedFiles(root, "etc/NetworkManager/system-connections", "*.nmconnection"));
        List<Finding> out = new ArrayList<>();
        if (found.isEmpty()) {
            out.add(Finding.ok(NAME, "no nova-agent 2.x or cloud-init network configuration"));
        } else {
            out.add(Finding.warn(NAME, "network configuration of other tools: " + String.join(", ", found), FIX));
        }
        if (Files.isDirectory(root.resolve("etc/cloud"))) {
            if (Files.isRegularFile(root.resolve(CLOUD_INIT_DROP_IN))) {
                out.add(Finding.ok(NAME, "cloud-init told not to write network configuration (" + CLOUD_INIT_DROP_IN + ")"));
            } else {
                out.add(Finding.warn(NAME, "cloud-init is installed and may write network configuration again at boot"
                        + " (no " + CLOUD_INIT_DROP_IN + ")", FIX));
            }
        }
        return out;
    }

    private static boolean allCommentedOut(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
    }

    private static List<String> markedFiles(Path root, String dir, String glob) throws IOException {
        List<String> out = new ArrayList<>();
        Path d = root.resolve(dir);
        if (!Files.isDirectory(d)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(d, glob)) {
            for (Path f : files) {
                String text = Files.isRegularFile(f) ? Files.readString(f) : "";
                if (text.contains("cloud-init")) {
                    out.add(root.relativize(f) + " (cloud-init)");
                }
            }
        }
        return out;
    }
}
