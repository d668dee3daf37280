/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a plugins directory, or a jar in it, that is world-writable or not owned by root:
 * the agent runs as root, so whoever can write there could run code as root. A flag
 * ({@code --allow-insecure-plugins-dir}) turns the refusal into a warning, for tests.
 */
public final class PluginDirectoryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDirectoryPolicy.class);

    private final boolean allowInsecure;

    /** @param allowInsecure when true, problems are logged as warnings instead of refused */
    public PluginDirectoryPolicy(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    /**
     * Checks the directory and the given jars.
     *
     * @param dir  the plugins directory (must exist)
     * @param jars the jars that would be loaded from it
     * @throws InsecurePluginsDirectoryException when a path is unsafe and insecure use is not allowed
     */
    public void check(Path dir, List<Path> jars) throws InsecurePluginsDirectoryException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            LOG.debug("no POSIX permissions on {}: ownership checks skipped", dir);
            return;
        }
        String problem = problem(dir, "plugins directory");
        for (int i = 0; problem == null && i < jars.size(); i++) {
            problem = problem(jars.get(i), "plugin jar");
        }
        if (problem == null) {
            return;
        }
        if (allowInsecure) {
            LOG.warn("{} (loading anyway: --allow-insecure-plugins-dir)", problem);
            return;
        }
        throw new InsecurePluginsDirectoryException(problem
                + "; code from it would run as root, so it is not loaded (fix: chown root and chmod o-w)");
    }

    private static String problem(Path path, String what) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return what + " " + path + " is world-writable";
            }
            Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (!Integer.valueOf(0).equals(uid)) {
                return what + " " + path + " is owned by uid " + uid + ", not root";
            }
            return null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "cannot check ownership of " + what + " " + path + ": " + e;
        }
    }
}
