/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.novaagent.api.CommandContext;
import org.novaagent.network.FileStager;
import org.novaagent.network.RendererOptions;

/**
 * Reads the other {@code etc/netplan/*.yaml} files for the renderer (it only warns about them;
 * they are never changed), keeping the renderer itself free of I/O.
 */
final class NetplanFiles {

    private NetplanFiles() {
    }

    /**
     * @param ctx    the request context
     * @param stager reads under the target root
     * @return options whose existing files are the other netplan YAML files
     * @throws IOException when a file cannot be read
     */
    static RendererOptions options(CommandContext ctx, FileStager stager) throws IOException {
        Map<String, String> others = new TreeMap<>();
        Path dir = stager.resolve("etc/netplan");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
                for (Path f : files) {
                    String rel = "etc/netplan/" + f.getFileName();
                    if (!rel.equals(NetplanRenderer.PATH) && Files.isRegularFile(f)) {
                        stager.read(rel).ifPresent(c -> others.put(rel, c));
                    }
                }
            }
        }
        return new RendererOptions(Map.of(), others);
    }
}
