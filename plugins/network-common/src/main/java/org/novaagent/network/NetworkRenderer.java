/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;

/**
 * Turns a {@link NetworkConfig} into files. A pure function: no I/O (enforced by ArchUnit).
 * Existing content a renderer must preserve (e.g. {@code source} lines of
 * {@code /etc/network/interfaces}) is passed in through {@link RendererOptions}.
 */
public interface NetworkRenderer {

    /**
     * @param config  the desired network
     * @param options distro paths and the current content of files the renderer merges into
     * @return the files to stage, in write order
     */
    List<RenderedFile> render(NetworkConfig config, RendererOptions options);
}
