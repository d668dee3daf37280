/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.novaagent.api.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the jars of the plugins directory into one child {@link ModuleLayer} of the boot layer
 * (the jlink recipe) and returns the handlers defined in that layer only. A bad jar never stops
 * the agent: when the whole directory does not resolve, the jars are retried one by one and the
 * good ones kept; when none is usable the agent carries on with the boot layer.
 */
public final class PluginLayerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLayerFactory.class);

    private final PluginDirectoryPolicy policy;

    /** @param policy the trust check (StrictModes) applied before anything is loaded; vetted jars load from private copies */
    public PluginLayerFactory(PluginDirectoryPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param dir the plugins directory; a missing directory means "no plugins"
     * @return the layer, its handlers and every problem met
     */
    public PluginLoadResult load(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.info("plugins directory {} does not exist: boot-layer handlers only", dir);
            return PluginLoadResult.empty(List.of());
        }
        List<Path> found;
        try (Stream<Path> entries = Files.list(dir)) {
            // symlinks too, so that a symlinked jar is reported as one rather than silently skipped
            found = entries.filter(p -> p.getFileName().toString().endsWith(".jar")
                            && (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return fail("cannot list plugins directory " + dir + ": " + e.getMessage());
        }
        PluginDirectoryPolicy.Vetted vetted = policy.vet(dir, found);
        List<String> refused = new ArrayList<>(vetted.problems());
        refused.stream().filter(p -> !p.startsWith("INSECURE: ")).forEach(p -> LOG.error("{}", p));
        if (vetted.jars().isEmpty()) {
            if (found.isEmpty()) {
                LOG.info("plugins directory {} holds no jars", dir);
            } else {
                LOG.error("no plugin jar of {} passed the trust check; carrying on with boot-layer handlers only", dir);
            }
            return PluginLoadResult.empty(refused);
        }
        PrivateJarCopies.Copies copies;
        try {
            copies = new PrivateJarCopies(policy.rule(), policy.insecureAllowed()).copy(dir, vetted.jars());
        } catch (IOException e) {
            refused.add("cannot make private copies of the plugin jars of " + dir + ": " + e.getMessage());
            return fail(refused);
        }
        copies.problems().forEach(p -> LOG.error("{}", p));
        refused.addAll(copies.problems());
        if (copies.originals().isEmpty()) {
            return PluginLoadResult.empty(refused);
        }
        LOG.info("plugins of {} load from private copies in {}", dir, copies.dir());
        Map<Path, Path> originals = copies.originals();
        List<Path> jars = new ArrayList<>(copies.originals().keySet());
        List<String> problems = new ArrayList<>(refused);
        Attempt whole = attempt(jars, originals);
        if (whole.layer != null) {
            return finish(whole, problems);
        }
        problems.add("plugins directory " + dir + " does not load as a whole (" + whole.error
                + "); retrying jar by jar");
        LOG.warn(problems.get(problems.size() - 1));
        List<Path> accepted = new ArrayList<>();
        Attempt last = null;
        for (Path jar : jars) {
            Attempt alone = attempt(List.of(jar), originals);
            if (alone.layer == null) {
                problems.add("plugin jar " + originals.get(jar) + " left out: " + alone.error);
                LOG.error(problems.get(problems.size() - 1));
                continue;
            }
            List<Path> candidate = new ArrayList<>(accepted);
            candidate.add(jar);
            Attempt together = attempt(candidate, originals);
            if (together.layer == null) {
                problems.add("plugin jar " + originals.get(jar) + " left out: conflicts with "
                        + accepted.stream().map(originals::get).toList() + ": " + together.error);
                LOG.error(problems.get(problems.size() - 1));
                continue;
            }
            accepted = candidate;
            last = together;
        }
        if (last == null) {
            problems.add("no usable jar in plugins directory " + dir + ": boot-layer handlers only");
            LOG.error(problems.get(problems.size() - 1));
            return PluginLoadResult.empty(problems);
        }
        return finish(last, problems);
    }

    private static PluginLoadResult fail(String problem) {
        return fail(List.of(problem));
    }

    private static PluginLoadResult fail(List<String> problems) {
        LOG.error("{}; carrying on with boot-layer handlers only", problems.get(problems.size() - 1));
        return PluginLoadResult.empty(problems);
    }

    /** One try at building a layer over some jars: either a layer or the reason it failed. */
    private static final class Attempt {
        ModuleLayer layer;
        Map<String, Path> modules = new LinkedHashMap<>();
        String error;
    }

    private static Attempt attempt(List<Path> jars, Map<Path, Path> originals) {
        Attempt a = new Attempt();
        try {
            ModuleFinder plugins = ModuleFinder.of(jars.toArray(Path[]::new));
            Set<String> roots = new java.util.TreeSet<>();
            for (ModuleReference ref : plugins.findAll()) {
                String name = ref.descriptor().name();
                roots.add(name);
                ref.location().ifPresent(uri -> a.modules.put(name, originals.getOrDefault(Path.of(uri), Path.of(uri))));
            }
            checkDuplicates(jars, a.modules, originals);
            ModuleFinder after = apiFinder().map(api -> ModuleFinder.compose(api, plugins)).orElse(plugins);
            ModuleLayer boot = ModuleLayer.boot();
            Configuration cf = boot.configuration().resolveAndBind(ModuleFinder.of(), after, roots);
            a.layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        } catch (FindException | ResolutionException | LayerInstantiationException | IllegalArgumentException
                 | SecurityException e) {
            a.error = e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
            a.layer = null;
        }
        return a;
    }

    /** ModuleFinder.of(jars...) silently lets the first of two same-named modules win: refuse that. */
    private static void checkDuplicates(List<Path> jars, Map<String, Path> found, Map<Path, Path> originals) {
        for (Path jar : jars) {
            Path original = originals.getOrDefault(jar, jar);
            if (found.containsValue(original)) {
                continue;
            }
            for (ModuleReference ref : ModuleFinder.of(jar).findAll()) {
                throw new FindException("two jars hold module " + ref.descriptor().name() + ": "
                        + found.get(ref.descriptor().name()) + " and " + original);
            }
        }
    }

    /**
     * On a class path (unit tests) {@code org.novaagent.api} is not a named module of the boot
     * layer, so plugin modules could not resolve their {@code requires}. Then the API's own jar
     * (or classes directory) is offered to the resolver as well. On the module path (production)
     * this is empty.
     */
    private static Optional<ModuleFinder> apiFinder() {
        if (CommandHandler.class.getModule().isNamed()) {
            return Optional.empty();
        }
        CodeSource source = CommandHandler.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModuleFinder.of(Path.of(source.getLocation().toURI())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PluginLoadResult finish(Attempt a, List<String> problems) {
        ModuleLayer layer = a.layer;
        Map<String, Path> modules = new LinkedHashMap<>(a.modules);
        modules.keySet().retainAll(layer.modules().stream().map(Module::getName).collect(Collectors.toSet()));
        List<DiscoveredHandler> handlers = new ArrayList<>();
        for (DiscoveredHandler d : ServiceLoaderCommandRegistry.load(ServiceLoader.load(layer, CommandHandler.class), layer)) {
            Path jar = modules.get(d.handler().getClass().getModule().getName());
            handlers.add(new DiscoveredHandler(d.handler(), jar == null ? "plugins layer" : jar.toString()));
        }
        LOG.info("plugins layer: {} module(s) {}, {} handler(s)", modules.size(), modules.keySet(), handlers.size());
        if (apiFinder().isPresent()) {
            LOG.warn("class-path run: org.novaagent.api is not a named boot module, so handlers of plugin jars"
                    + " cannot be served; run the agent on the module path");
        }
        return new PluginLoadResult(Optional.of(layer), modules, handlers, problems);
    }
}
