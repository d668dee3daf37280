/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides what a missing real tool means for an integration test: it fails
 * the test when {@code CI=true} (so CI never passes without running it) and skips it with the
 * reason everywhere else.
 */
public final class RequiredTool {

    /** Searched after {@code PATH}: tools in sbin are often missing from a user's PATH. */
    static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private RequiredTool() {
    }

    /**
     * @param tool a bare command name ({@code netplan}, searched in {@code PATH} and the sbin
     *             directories) or an absolute path ({@code /usr/bin/python3})
     * @param why  what the test needs it for; part of the skip/failure message
     *             {@code "<tool> not installed: <why>"}
     * @return the executable
     */
    public static Path require(String tool, String why) {
        return require(tool, why, System.getenv());
    }

    /**
     * For tests that need root (network namespaces, {@code chpasswd -R}): same rule, with the
     * message {@code "not running as root: <why>"}.
     *
     * @param why what the test needs root for
     */
    public static void requireRoot(String why) {
        requireRoot(why, System.getenv(), System.getProperty("user.name"));
    }

    /**
     * For what a package installs that is not a command (a Python module, a PAM module): same
     * rule, with the message {@code "<pkg> not installed: <why>"}.
     *
     * @param path a file or directory the package installs
     * @param pkg  the package, as the message names it (e.g. {@code python3-pyxs})
     * @param why  what the test needs it for
     */
    public static void requireInstalled(Path path, String pkg, String why) {
        requireInstalled(path, pkg, why, System.getenv());
    }

    /**
     * @param tool a bare command name or an absolute path
     * @return the executable, if there is one
     */
    public static Optional<Path> find(String tool) {
        return find(tool, System.getenv());
    }

    static Path require(String tool, String why, Map<String, String> env) {
        Optional<Path> found = find(tool, env);
        if (found.isEmpty()) {
            missing(tool + " not installed: " + why, env);
        }
        return found.orElseThrow();
    }

    static void requireRoot(String why, Map<String, String> env, String user) {
        if (!"root".equals(user)) {
            missing("not running as root: " + why, env);
        }
    }

    static void requireInstalled(Path path, String pkg, String why, Map<String, String> env) {
        if (!Files.exists(path)) {
            missing(pkg + " not installed: " + why, env);
        }
    }

    static Optional<Path> find(String tool, Map<String, String> env) {
        List<String> dirs = new ArrayList<>();
        if (tool.startsWith("/")) {
            dirs.add("");
        } else {
            for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    dirs.add(dir);
                }
            }
            dirs.addAll(EXTRA_DIRS);
        }
        for (String dir : dirs) {
            Path candidate = dir.isEmpty() ? Path.of(tool) : Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void missing(String message, Map<String, String> env) {
        if ("true".equals(env.get("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
