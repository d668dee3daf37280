/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import org.novaagent.api.CommandContext;

/**
 * Gathers what a pure renderer needs from the target (settings, content of files it merges
 * into) before rendering; the only place a plugin reads files, through the stager.
 */
@FunctionalInterface
public interface RendererOptionsFactory {

    /** Options with no settings and no existing files. */
    RendererOptionsFactory DEFAULTS = (ctx, stager) -> RendererOptions.defaults();

    /**
     * @param ctx    the request context (settings, host facts)
     * @param stager reads current files under the target root
     * @return the renderer options
     * @throws IOException when a file cannot be read
     */
    RendererOptions create(CommandContext ctx, FileStager stager) throws IOException;
}
