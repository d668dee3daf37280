/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.util.Objects;
import org.novaagent.api.CommandHandler;

/**
 * A handler instance together with where it came from, so {@code plugins list} and log lines
 * can say "built-in" or name the jar in the plugins directory.
 *
 * @param handler the handler instance; never null
 * @param origin  {@link #BUILT_IN} for boot-layer handlers, else the jar path; never null
 */
public record DiscoveredHandler(CommandHandler handler, String origin) {

    /** Origin of handlers shipped with the agent (the boot layer and the runtime's own). */
    public static final String BUILT_IN = "built-in";

    /** Validates the components. */
    public DiscoveredHandler {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * @param handler a boot-layer or runtime handler
     * @return the handler with origin {@link #BUILT_IN}
     */
    public static DiscoveredHandler builtIn(CommandHandler handler) {
        return new DiscoveredHandler(handler, BUILT_IN);
    }
}
