/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;

/**
 * Other {@code etc/netplan/*.yaml} files that configure a NIC nova-agent configures. netplan
 * merges all files, so 2.x's {@value #LEGACY} next to ours gave eth0 the old server's addresses,
 * two default routes and doubled DNS. 2.x's file is removed whole (it is the replaced agent's
 * output); in any other file (cloud-init's {@code 50-cloud-init.yaml}, an installer's) only the
 * matching {@code ethernets} entries are commented out by {@link NetplanYamlEditor}.
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

    private static List<String> yamlFiles(FileStager stager) throws IOException {
        Path dir = stager.resolve("etc/netplan");
        TreeSet<String> files = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.yaml")) {
                for (Path p : entries) {
                    String rel = "etc/netplan/" + p.getFileName();
                    if (!rel.equals(NetplanRenderer.PATH) && Files.isRegularFile(p)) {
                        files.add(rel);
                    }
                }
            }
        }
        return new ArrayList<>(files);
    }
}
