/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.novaagent.api.CommandHandler;

/**
 * Builds throwaway plugin jars at test time with the system Java compiler, so the layer tests
 * exercise real modular jars without fixture binaries in the repository.
 */
public final class PluginJarBuilder {

    private PluginJarBuilder() {
    }

    /** @return the agent-api jar or classes directory the tests run with */
    public static Path apiLocation() {
        try {
            return Path.of(CommandHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A {@code com.example.hello} module providing a handler for {@code hello} answering "hi".
     *
     * @param work a scratch directory
     * @param jar  where to write the jar
     * @return the jar
     * @throws IOException when writing fails
     */
    public static Path helloPlugin(Path work, Path jar) throws IOException {
        Path classes = compile(work.resolve("hello-src"), Map.of(
                "module-info.java", "module com.example.hello { requires org.novaagent.api;"
                        + " provides org.novaagent.api.CommandHandler with com.example.hello.internal.HelloCommandHandler; }",
                "com/example/hello/internal/HelloCommandHandler.java", "package com.example.hello.internal;\n"
                        + "import org.novaagent.api.*;\n"
                        + "public final class HelloCommandHandler implements CommandHandler {\n"
                        + "  public String name() { return \"hello\"; }\n"
                        + "  public CommandResult handle(CommandRequest r, CommandContext c) { return CommandResult.ok(\"hi\"); }\n"
                        + "}\n"), List.of(apiLocation()), "1.2.3");
        return jar(classes, jar, "com.example.hello.internal.HelloCommandHandler");
    }

    /**
     * A {@code com.example.needy} plugin that requires {@code com.example.absent}, which is
     * compiled but not shipped: resolution must fail for this jar alone.
     *
     * @param work a scratch directory
     * @param jar  where to write the jar
     * @return the jar
     * @throws IOException when writing fails
     */
    public static Path needyPlugin(Path work, Path jar) throws IOException {
        Path absent = compile(work.resolve("absent-src"), Map.of(
                "module-info.java", "module com.example.absent { exports com.example.absent; }",
                "com/example/absent/Thing.java", "package com.example.absent; public final class Thing { }"),
                List.of(), null);
        Path classes = compile(work.resolve("needy-src"), Map.of(
                "module-info.java", "module com.example.needy { requires org.novaagent.api; requires com.example.absent;"
                        + " provides org.novaagent.api.CommandHandler with com.example.needy.internal.NeedyCommandHandler; }",
                "com/example/needy/internal/NeedyCommandHandler.java", "package com.example.needy.internal;\n"
                        + "import org.novaagent.api.*;\n"
                        + "public final class NeedyCommandHandler implements CommandHandler {\n"
                        + "  public String name() { return \"needy\"; }\n"
                        + "  public CommandResult handle(CommandRequest r, CommandContext c) { return CommandResult.ok(); }\n"
                        + "}\n"), List.of(apiLocation(), absent), null);
        return jar(classes, jar, "com.example.needy.internal.NeedyCommandHandler");
    }

    /**
     * @param jar where to write garbage bytes named like a jar
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path brokenJar(Path jar) throws IOException {
        Files.write(jar, "this is not a zip file".getBytes(StandardCharsets.US_ASCII));
        return jar;
    }

    static Path compile(Path src, Map<String, String> sources, List<Path> modulePath, String version) throws IOException {
        List<String> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        Path out = src.resolveSibling(src.getFileName() + "-classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
        if (!modulePath.isEmpty()) {
            args.add("--module-path");
            args.add(modulePath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        }
        if (version != null) {
            args.addAll(List.of("--module-version", version));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (var fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            var task = javac.getTask(diagnostics, fm, null, args, null, fm.getJavaFileObjectsFromStrings(files));
            if (!task.call()) {
                throw new IllegalStateException("test plugin does not compile: " + diagnostics);
            }
        }
        return out;
    }

    static Path jar(Path classes, Path jar, String provider) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.novaagent.api.CommandHandler"));
            out.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
