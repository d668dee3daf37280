/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;

/**
 * Other netplan YAML files that configure a NIC nova-agent configures, in every directory netplan
 * reads ({@code /run/netplan}, {@code /etc/netplan}, {@code /lib/netplan}, see {@link #yamlFiles}). netplan
 * merges all files, so 2.x's {@value #LEGACY} next to ours gave eth0 the old server's addresses,
 * two default routes and doubled DNS. 2.x's file is removed whole (it is the replaced agent's
 * output); in any other file (cloud-init's {@code 50-cloud-init.yaml}, an installer's) only the
 * matching {@code ethernets} entries are commented out by {@link NetplanYamlEditor}, in place: in
 * {@code /lib/netplan} too (a package update may bring the entry back; the next resetnetwork disables it
 * again), and in {@code /run/netplan} (the initramfs's {@code ip=} file, cloud-init's on some images: a
 * tmpfs, written again at boot, so no original is kept for a restore, see {@code ForeignConfig#restorable}).
 */
final class NetplanForeignConfig implements ForeignConfigDetector {

    /** The file nova-agent 2.x wrote on netplan systems (its {@code libs/debian.py}). */
    static final String LEGACY = "etc/netplan/rackspace-cloud.yaml";

    @Override
    public List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException {
        List<ForeignConfig> out = new ArrayList<>();
        List<String> ours = config.interfaces().stream().map(NetInterface::name).toList();
        for (String file : yamlFiles(stager)) {
            String content = stager.read(file).orElse("");
            if (file.equals(LEGACY)) {
                out.add(ForeignConfig.remove(file, ForeignConfig.NOVA_AGENT_2X, ours));
                continue;
            }
            NetplanYamlEditor.Result r = NetplanYamlEditor.disable(content, config.interfaces());
            if (!r.affected().isEmpty()) {
                String owner = file.contains("cloud-init") || content.contains("cloud-init")
                        ? ForeignConfig.CLOUD_INIT : ForeignConfig.OTHER;
                out.add(ForeignConfig.disable(file, owner, r.affected(), r.content()));
            }
        }
        return out;
    }

    /**
     * The YAML files netplan reads, by priority: a name in {@code run/netplan} shadows the same name in
     * {@code etc/netplan}, which shadows {@code lib/netplan} (netplan's {@code find_yaml_glob}); only the
     * file that wins for a name can configure anything. A directory reached through a symbolic link is
     * skipped ({@code lib} on a merged-/usr root is {@code usr/lib}, read there instead).
     */
    static List<String> yamlFiles(FileStager stager) throws IOException {
        java.util.Map<String, String> winner = new java.util.TreeMap<>();
        for (String dir : DIRS) {
            String real = dir.equals("lib/netplan") && Files.isSymbolicLink(stager.resolve("lib")) ? "usr/lib/netplan" : dir;
            if (linked(stager, real)) {
                continue;
            }
            Path d = stager.resolve(real);
            if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(d, "*.yaml")) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    if (!winner.containsKey(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        winner.put(name, real + "/" + name);
                    }
                }
            }
        }
        List<String> files = new ArrayList<>();
        winner.values().stream().filter(f -> !f.equals(NetplanRenderer.PATH)).forEach(files::add);
        return files;
    }

    /** Highest priority first. */
    static final List<String> DIRS = List.of("run/netplan", "etc/netplan", "lib/netplan");

    private static boolean linked(FileStager stager, String dir) {
        String prefix = "";
        for (String part : dir.split("/")) {
            prefix = prefix.isEmpty() ? part : prefix + "/" + part;
            if (Files.isSymbolicLink(stager.resolve(prefix))) {
                return true;
            }
        }
        return false;
    }
}
