/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * Builds a C stand-in for a Windows DLL (netapi32, advapi32, xencontrol, ...) as a Linux shared
 * library with {@code gcc}, so a test can load it through the same jnr-ffi interface the agent
 * uses on Windows. The stand-in has the documented Win32 signatures and struct layouts; only the
 * calling convention and the real DLL stay unproven. {@code gcc} is a {@link RequiredTool}.
 */
public final class NativeFake {

    private NativeFake() {
    }

    /**
     * Compiles {@code source} into {@code outDir/lib<name>.so} with warnings as errors; reuses the
     * library when it is newer than the source.
     *
     * @param source the C file (for example {@code src/test/c/fake_xencontrol.c})
     * @param outDir where the library goes (for example {@code target/native})
     * @param name   the library name without {@code lib} and {@code .so}
     * @param libs   extra {@code -l} libraries (for example {@code pthread})
     * @return the absolute path of the library
     */
    public static Path compile(Path source, Path outDir, String name, String... libs) {
        Path gcc = RequiredTool.require("gcc", "builds the C stand-ins of Windows DLLs for the native-binding tests");
        try {
            Files.createDirectories(outDir);
            Path lib = outDir.resolve("lib" + name + ".so").toAbsolutePath();
            if (Files.exists(lib) && Files.getLastModifiedTime(lib).compareTo(Files.getLastModifiedTime(source)) > 0) {
                return lib;
            }
            Path tmp = outDir.resolve("lib" + name + ".so.tmp" + ProcessHandle.current().pid());
            List<String> cmd = new ArrayList<>(List.of(gcc.toString(), "-shared", "-fPIC", "-O1", "-std=c11",
                    "-Wall", "-Wextra", "-Werror", "-o", tmp.toString(), source.toString()));
            for (String l : libs) {
                cmd.add("-l" + l);
            }
            Exec.Result r = Exec.run(cmd);
            Assertions.assertTrue(r.succeeded(), () -> "gcc failed for " + source + ":\n" + r.output());
            Files.move(tmp, lib, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return lib;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling " + source, e);
        }
    }
}
