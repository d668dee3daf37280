/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds plugin jars at test time with javac and jar: the README's example plugin
 * ({@code src/test/resources/example-plugin}) or any module source tree.
 */
public final class ExamplePlugin {

    private ExamplePlugin() {
    }

    /**
     * @param work    scratch directory for the classes
     * @param jar     the jar to write
     * @param version the module version ({@code --module-version})
     * @return {@code jar}
     */
    static Path build(Path work, Path jar, String version) throws IOException {
        return build(Path.of("src/test/resources/example-plugin/com.example.hello"), work, jar, version);
    }

    /**
     * @param src     a module source tree (module-info.java at its top)
     * @param work    scratch directory for the classes
     * @param jar     the jar to write
     * @param version the module version
     * @return {@code jar}
     */
    public static Path build(Path src, Path work, Path jar, String version) throws IOException {
        Path out = Files.createDirectories(work.resolve("classes-" + jar.getFileName() + "-" + version));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "--module-path", apiJar(), "--module-version", version));
        try (Stream<Path> files = Files.walk(src)) {
            args.addAll(files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList()));
        }
        run("javac", args);
        run("jar", List.of("--create", "--file", jar.toString(), "-C", out.toString(), "."));
        return jar;
    }

    /** @return the line of {@code agent plugins list} for {@code command}, or a note naming the whole table */
    static String row(String table, String command) {
        return table.lines().filter(l -> l.startsWith(command + " ")).findFirst().orElse("<no row for " + command + ">\n" + table);
    }

    private static String apiJar() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("agent-api")).findFirst().orElseThrow();
    }

    private static void run(String tool, List<String> args) {
        StringWriter err = new StringWriter();
        int rc = ToolProvider.findFirst(tool).orElseThrow()
                .run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, rc, tool + " failed: " + err);
    }
}
