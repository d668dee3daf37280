/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.novaagent.api.CommandException;

/**
 * Turns a host-supplied guest path into a real path under the target root, creating missing
 * parent directories. Exists so that no host input can make the agent write outside the root:
 * the path must be absolute and normalised, and the parent's real path (after following every
 * symbolic link) must lie under the root's real path.
 */
final class TargetResolver {

    private static final int MAX_PATH_CHARS = 4096;
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PUBLIC_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private TargetResolver() {
    }

    /**
     * Checks the syntax of a guest path: absolute, no NUL or other control characters, no
     * {@code .}, {@code ..} or empty segments, not the root itself, no trailing slash.
     *
     * @param guestPath the path as sent by the host
     * @throws CommandException {@code "500"} naming the rule that was broken
     */
    static void validate(String guestPath) throws CommandException {
        if (guestPath.isEmpty() || guestPath.length() > MAX_PATH_CHARS) {
            throw fail("Invalid path: empty or longer than " + MAX_PATH_CHARS + " characters");
        }
        for (int i = 0; i < guestPath.length(); i++) {
            if (guestPath.charAt(i) < 0x20 || guestPath.charAt(i) == 0x7f) {
                throw fail("Invalid path: contains a NUL or control character: " + quote(guestPath));
            }
        }
        if (!guestPath.startsWith("/")) {
            throw fail("Invalid path: must be absolute: " + quote(guestPath));
        }
        String[] segments = guestPath.substring(1).split("/", -1);
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw fail("Invalid path: must be normalised (no '.', '..' or empty segments): " + quote(guestPath));
            }
        }
    }

    /**
     * Resolves a validated guest path under the root, creating missing parent directories
     * (0700 under {@code /root}, else 0755).
     *
     * @param root      the target root
     * @param guestPath a path that passed {@link #validate}
     * @return the file's path: the parent's real path plus the file name
     * @throws CommandException {@code "500"} when the parent escapes the root or is not a directory
     * @throws IOException      when a directory cannot be read or created
     */
    static Path resolve(Path root, String guestPath) throws CommandException, IOException {
        Path realRoot = root.toRealPath();
        Path relative = realRoot.getFileSystem().getPath(guestPath.substring(1));
        Path parentRelative = relative.getParent();
        Path existing = realRoot;
        int depth = 0;
        int parentDepth = parentRelative == null ? 0 : parentRelative.getNameCount();
        // Walk down while components exist, re-anchoring at each real path so symlinks are followed once.
        while (depth < parentDepth && Files.exists(existing.resolve(relative.getName(depth)), LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.resolve(relative.getName(depth)).toRealPath();
            checkInside(realRoot, existing, guestPath);
            if (!Files.isDirectory(existing)) {
                throw fail("Cannot write " + quote(guestPath) + ": a parent is not a directory");
            }
            depth++;
        }
        for (; depth < parentDepth; depth++) {
            existing = existing.resolve(relative.getName(depth));
            boolean underRootHome = guestPath.startsWith("/root/");
            Files.createDirectory(existing);
            Files.setPosixFilePermissions(existing, underRootHome ? PRIVATE_DIR : PUBLIC_DIR);
        }
        return existing.resolve(relative.getFileName().toString());
    }

    private static void checkInside(Path realRoot, Path real, String guestPath) throws CommandException {
        if (!real.startsWith(realRoot)) {
            throw fail("Refusing to write " + quote(guestPath)
                    + ": a parent directory is a symbolic link leading outside the target root");
        }
    }

    /**
     * @param text host-supplied text
     * @return the text in single quotes, control characters escaped, cut at 200 characters
     */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.append(text.length() > 200 ? "...'" : "'").toString();
    }

    static CommandException fail(String message) {
        return new CommandException("500", message);
    }
}
