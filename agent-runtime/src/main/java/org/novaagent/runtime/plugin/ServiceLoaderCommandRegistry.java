/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.novaagent.api.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link CommandHandler} providers of the boot layer (the plugin modules shipped on
 * the module path, or {@code META-INF/services} entries on a class path). A provider that fails
 * to instantiate is logged and skipped so the others still load.
 */
public final class ServiceLoaderCommandRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLoaderCommandRegistry.class);

    private final ClassLoader loader;

    /** A registry over the boot layer (and the class path through the context class loader). */
    public ServiceLoaderCommandRegistry() {
        this(null);
    }

    /**
     * @param loader the class loader to search (for tests), or null for the boot layer
     */
    public ServiceLoaderCommandRegistry(ClassLoader loader) {
        this.loader = loader;
    }

    /** @return one entry per provider that could be instantiated, in discovery order */
    public List<DiscoveredHandler> discover() {
        ServiceLoader<CommandHandler> services = loader == null
                ? ServiceLoader.load(CommandHandler.class)
                : ServiceLoader.load(CommandHandler.class, loader);
        return load(services, null);
    }

    /**
     * Instantiates the providers of a service loader, skipping broken ones.
     *
     * @param services the loader
     * @param layer    when not null, keep only providers defined in this layer (not its parents)
     * @return the handlers, with origin {@link DiscoveredHandler#BUILT_IN} (the caller re-labels)
     */
    static List<DiscoveredHandler> load(ServiceLoader<CommandHandler> services, ModuleLayer layer) {
        List<DiscoveredHandler> found = new ArrayList<>();
        var it = services.stream().iterator();
        int errors = 0;
        while (errors < 1000) {
            ServiceLoader.Provider<CommandHandler> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.error("skipping a command handler provider: {}", e.getMessage());
                errors++;
                continue;
            }
            if (layer != null && provider.type().getModule().getLayer() != layer) {
                continue; // a boot-layer provider seen again through the parent layer
            }
            try {
                found.add(DiscoveredHandler.builtIn(provider.get()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                LOG.error("skipping command handler {}: {}", provider.type().getName(), e.toString());
            }
        }
        return found;
    }
}
