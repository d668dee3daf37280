/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link PluginLayerFactory} made of a plugins directory: the layer (if any jar could be
 * used), the modules loaded with their jars, the handlers they provide, and one human-readable
 * problem per jar that was left out (or for the directory as a whole).
 *
 * @param layer    the plugins layer, empty when nothing could be loaded
 * @param modules  module name to jar path, for every plugin module in the layer
 * @param handlers the handlers provided by modules of the layer, origin = jar path
 * @param problems what went wrong, each naming the jar and the reason
 */
public record PluginLoadResult(Optional<ModuleLayer> layer, Map<String, Path> modules,
                               List<DiscoveredHandler> handlers, List<String> problems) {

    /** Copies the collections. */
    public PluginLoadResult {
        modules = Map.copyOf(modules);
        handlers = List.copyOf(handlers);
        problems = List.copyOf(problems);
    }

    /**
     * @param problems why nothing was loaded (may be empty: no directory, no jars)
     * @return a result with no layer
     */
    public static PluginLoadResult empty(List<String> problems) {
        return new PluginLoadResult(Optional.empty(), Map.of(), List.of(), problems);
    }
}
