/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import org.novaagent.api.CommandHandler;

/**
 * Checks a plugin's registration as the runtime's class-path fallback sees it: the
 * {@code META-INF/services/org.novaagent.api.CommandHandler} file lists exactly the handler
 * classes of the plugin's package, and {@link ServiceLoader} turns them into handlers with the
 * expected command names. (The module-path {@code provides} clause is checked by the agent-tests
 * module-descriptor goldens.)
 */
public final class ServiceRegistrations {

    /** Where a plugin lists its handlers for class-path discovery. */
    public static final String SERVICE_FILE = "META-INF/services/" + CommandHandler.class.getName();

    private ServiceRegistrations() {
    }

    /**
     * Asserts the registrations of the handlers in {@code anchor}'s package (usually the plugin's
     * {@code internal} package, where its tests live too).
     *
     * @param anchor        any class in the handlers' package, for example the test class
     * @param expectedNames the command names ({@link CommandHandler#name()}), in any order; a name
     *                      served by two handlers (for example one per OS) is given twice
     * @return the loaded handlers of that package, ordered by command name then class name
     */
    public static List<CommandHandler> assertHandlers(Class<?> anchor, String... expectedNames) {
        String pkg = anchor.getPackageName();
        ClassLoader loader = anchor.getClassLoader() == null ? ClassLoader.getSystemClassLoader()
                : anchor.getClassLoader();
        List<CommandHandler> handlers = ServiceLoader.load(CommandHandler.class, loader).stream()
                .filter(p -> p.type().getPackageName().equals(pkg))
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(CommandHandler::name).thenComparing(h -> h.getClass().getName()))
                .toList();
        List<String> listed = listedClasses(loader).stream()
                .filter(c -> c.lastIndexOf('.') == pkg.length() && c.startsWith(pkg))
                .sorted().toList();
        List<String> loaded = handlers.stream().map(h -> h.getClass().getName()).sorted().toList();
        assertEquals(listed, loaded, SERVICE_FILE + " entries for " + pkg + " versus the handlers ServiceLoader found");
        assertEquals(List.of(expectedNames).stream().sorted().toList(),
                handlers.stream().map(CommandHandler::name).sorted().toList(),
                "command names of the handlers registered in " + pkg);
        return handlers;
    }

    /**
     * @param loader the class loader whose resources are read
     * @return every class name listed in every {@link #SERVICE_FILE} it sees (comments and blank
     *         lines dropped), in class-path order
     */
    public static List<String> listedClasses(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICE_FILE);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        int hash = line.indexOf('#');
                        String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SERVICE_FILE, e);
        }
        return names;
    }
}
