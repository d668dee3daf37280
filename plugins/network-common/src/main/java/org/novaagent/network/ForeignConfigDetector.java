/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.util.List;

/**
 * Finds, for one renderer's format, the files of other tools that configure a NIC nova-agent
 * configures: 2.x's, cloud-init's, an installer's. Each network plugin supplies one; the one
 * mechanism that acts on what it finds is {@link ForeignConfigTakeover}. Detectors only read.
 */
@FunctionalInterface
public interface ForeignConfigDetector {

    /** Finds nothing (a plugin that leaves other configuration alone). */
    ForeignConfigDetector NONE = (config, stager) -> List.of();

    /**
     * Called once per resetnetwork after the network data is parsed, on the request thread.
     * Files already neutralised (their lines commented out, or removed) must not be reported
     * again, so a repeat resetnetwork changes nothing.
     *
     * @param config the configuration nova-agent is about to write (its NICs are the ones to take over)
     * @param stager reads files under the target root ({@link FileStager#read}, {@link FileStager#resolve})
     * @return the foreign files, in a stable order
     * @throws IOException when a file cannot be read
     */
    List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException;
}
