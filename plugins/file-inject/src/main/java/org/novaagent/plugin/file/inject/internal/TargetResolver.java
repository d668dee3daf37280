/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import org.novaagent.api.CommandException;

/**
 * Checks a host-supplied guest path and turns it into the root-relative path the safe writer
 * takes. Exists so that no host input can name a file outside the root: the path must be absolute
 * and normalised. Links are not resolved here at all: {@code SafeFiles} refuses any symbolic link
 * on the way (issue #19 finding 2: following an in-root link let a user redirect an inject for
 * {@code ~/.ssh} to root's).
 */
final class TargetResolver {

    private static final int MAX_PATH_CHARS = 4096;

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
     * @param guestPath a path that passed {@link #validate}
     * @return the same path relative to the target root ({@code home/bob/.ssh/authorized_keys}), for
     *         {@link org.novaagent.api.support.SafeFiles}, which opens every component without
     *         following a link and refuses one anywhere
     */
    static String relative(String guestPath) {
        return guestPath.substring(1);
    }

    /**
     * @param guestPath a path that passed {@link #validate}
     * @return the mode of parent directories the inject creates: 0700 for the {@code /root} tree
     *         (root's home is private), else 0755
     */
    static int parentMode(String guestPath) {
        return guestPath.startsWith("/root/") ? 0700 : 0755;
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
