/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Keeps implementation details out of failure replies (issue #19, finding 8): Java exception
 * class names ({@code java.nio.file.AccessDeniedException: }) are removed, and paths under a
 * target root other than {@code /} are shown as the guest sees them ({@code /etc/hostname}, not
 * {@code /srv/image/etc/hostname}). Guest paths themselves stay: they are what nova asked for or
 * the distro's well-known files. The log keeps the full text.
 */
final class ReplySanitizer {

    /** The patterns, compiled on the first failure message rather than at start (issue #14). */
    private static final class Patterns {
        /** A qualified class name ending in Exception or Error, with an optional ": " after it. */
        static final Pattern QUALIFIED = Pattern.compile(
                "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");
        /** A simple class name ending in Exception (e.g. {@code getSimpleName()}), with an optional ": ". */
        static final Pattern SIMPLE = Pattern.compile("\\b[A-Z][\\w$]*Exception\\b(?::\\s*)?");
    }

    private final String rootPrefix;

    /** @param root the target root; {@code /} (or null) strips no prefix */
    ReplySanitizer(Path root) {
        Path normal = root == null ? null : root.toAbsolutePath().normalize();
        this.rootPrefix = normal == null || normal.getParent() == null ? null : normal.toString();
    }

    /**
     * @param message a failure message
     * @return the message without class names and with root-relative paths
     */
    String clean(String message) {
        String s = Patterns.QUALIFIED.matcher(message).replaceAll("");
        s = Patterns.SIMPLE.matcher(s).replaceAll("");
        if (rootPrefix != null) {
            s = s.replace(rootPrefix + "/", "/");
            s = s.replace(rootPrefix, "/");
        }
        return s.strip().replaceAll(":\\s*$", "");
    }
}
