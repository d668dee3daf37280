/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The project's modules as the build declares them: the {@code <modules>} of the root
 * {@code pom.xml} and each module's own {@code artifactId} and {@code packaging}. Every list the
 * tests need (jars to describe, the agent's module path, the plugins a package may ship) is derived
 * from here instead of being kept by hand, so a new module is covered as soon as it is in the build.
 */
public final class ReactorModules {

    /** The module that holds these tests: built by the reactor, but not part of the product. */
    public static final String THIS_MODULE = "agent-tests";
    private static final String HANDLER_SPI = "provides org.novaagent.api.CommandHandler";

    /**
     * One module of the build.
     *
     * @param dir        its directory relative to the repository root, for example {@code plugins/password}
     * @param artifactId its Maven artifactId, for example {@code password}
     * @param packaging  {@code jar} or {@code pom}
     */
    public record Module(String dir, String artifactId, String packaging) {

        /** @return true for a module that builds a jar (and so a JPMS module) */
        public boolean isJar() {
            return packaging.equals("jar");
        }

        /** @return true for a module under {@code plugins/} that provides a {@code CommandHandler} */
        public boolean isPlugin() {
            Path info = root().resolve(dir).resolve("src/main/java/module-info.java");
            try {
                return dir.startsWith("plugins/") && Files.isRegularFile(info) && Files.readString(info).contains(HANDLER_SPI);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * @param classPathEntry an entry of the test class path
         * @return true when the entry is this module's build output, in the reactor
         *         ({@code <dir>/target/...}) or in a local repository ({@code org/novaagent/<artifactId>/})
         */
        public boolean owns(String classPathEntry) {
            String p = classPathEntry.replace(File.separatorChar, '/');
            return p.contains("/" + dir + "/target/") || p.contains("/org/novaagent/" + artifactId + "/");
        }
    }

    private ReactorModules() {
    }

    /** @return the repository root (the parent of this module's directory, where Maven runs the tests) */
    public static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** @return every module of the root pom, in declaration order */
    public static List<Module> all() {
        List<Module> modules = new ArrayList<>();
        NodeList list = read(root().resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < list.getLength(); i++) {
            String dir = list.item(i).getTextContent().strip();
            Element project = read(root().resolve(dir).resolve("pom.xml")).getDocumentElement();
            modules.add(new Module(dir, child(project, "artifactId", null), child(project, "packaging", "jar")));
        }
        return List.copyOf(modules);
    }

    /** @return the jar modules of the product (every jar module but this one) */
    public static List<Module> jarModules() {
        return all().stream().filter(Module::isJar).filter(m -> !m.artifactId().equals(THIS_MODULE)).toList();
    }

    /** @return the plugin modules: under {@code plugins/}, providing a {@code CommandHandler} */
    public static List<Module> plugins() {
        return jarModules().stream().filter(Module::isPlugin).toList();
    }

    /** @return the entries of the test class path that are the main build output of {@link #jarModules()} */
    public static List<String> classPathEntries() {
        List<Module> modules = jarModules();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> modules.stream().anyMatch(m -> m.owns(e)))
                .filter(e -> !e.endsWith("-tests.jar") && !e.endsWith("test-classes")) // test-jars (network-common's scenarios)
                .filter(e -> Files.exists(Path.of(e)))
                .toList();
    }

    private static Document read(Path pom) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    /** @return the text of a direct child element of the project, or the default when absent */
    private static String child(Element project, String name, String fallback) {
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("pom.xml of the project has no <" + name + ">");
        }
        return fallback;
    }
}
