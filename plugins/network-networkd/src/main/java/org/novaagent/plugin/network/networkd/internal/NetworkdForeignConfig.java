/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.Headers;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;

/**
 * Other {@code etc/systemd/network/*.network} files that would win over ours for a NIC we configure.
 * networkd applies the first file in lexical order whose {@code [Match]} fits, so a file sorting
 * after {@code 05-nova-agent-<if>.network} (cloud-init's {@code 10-cloud-init-eth0.network}, an
 * image's {@code 20-wired.network}) never applies to that NIC and is left alone. One sorting before
 * it that matches the NIC by exact {@code Name=} or by {@code MACAddress=}/{@code PermanentMACAddress=}
 * is removed (original kept); one that matches only through a glob may serve other NICs too, so it is
 * left alone (the README names this limit).
 */
final class NetworkdForeignConfig implements ForeignConfigDetector {

    @Override
    public List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException {
        List<ForeignConfig> out = new ArrayList<>();
        for (String name : networkFiles(stager)) {
            String file = NetworkdRenderer.DIR + "/" + name;
            String content = stager.read(file).orElse("");
            if (Headers.isOurs(content)) {
                continue;
            }
            List<String> names = matchValues(content, "Name");
            List<String> macs = new ArrayList<>(matchValues(content, "MACAddress"));
            macs.addAll(matchValues(content, "PermanentMACAddress"));
            for (NetInterface nic : config.interfaces()) {
                String ours = NetworkdRenderer.path(nic.name()).substring(NetworkdRenderer.DIR.length() + 1);
                if (name.compareTo(ours) >= 0) {
                    continue;
                }
                boolean exact = names.contains(nic.name()) || macs.contains(nic.mac());
                if (exact) {
                    out.add(ForeignConfig.remove(file, content.contains("cloud-init") ? ForeignConfig.CLOUD_INIT
                            : ForeignConfig.OTHER, List.of(nic.name())));
                    break;
                }
            }
        }
        return out;
    }

    /** Values of a {@code [Match]} key (space-separated lists, several lines), MACs in lower case. */
    static List<String> matchValues(String content, String key) {
        List<String> out = new ArrayList<>();
        String section = "";
        for (String raw : content.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                section = line;
            } else if (section.equals("[Match]") && line.startsWith(key + "=")) {
                for (String v : line.substring(key.length() + 1).strip().split("\\s+")) {
                    if (!v.isEmpty()) {
                        out.add(v.contains(":") ? v.toLowerCase(Locale.ROOT) : v);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> networkFiles(FileStager stager) throws IOException {
        Path dir = stager.resolve(NetworkdRenderer.DIR);
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.network")) {
                for (Path p : entries) {
                    if (Files.isRegularFile(p)) {
                        names.add(p.getFileName().toString());
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }
}
