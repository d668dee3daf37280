/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;

/**
 * Says in a few words why a file operation failed, for a reply to the host ({@code "cannot write
 * the shadow file: no space left on device"}): the cause category only. An exception's own message
 * is not safe to send: it may carry absolute paths (the target root, the agent's staging and backup
 * directories), a Java class name, or text a tool printed. This class keeps only a fixed
 * vocabulary of {@code errno} descriptions ({@code strerror(3)} as the JDK reports them) and the
 * host-safe {@link RefusedPathException} message, and answers {@code "I/O error"} for anything else.
 * The log should keep the full exception.
 *
 * <p>Stateless and thread-safe.
 */
public final class IoCause {

    /** What is answered when no known cause is found in the chain. */
    public static final String UNKNOWN = "I/O error";

    /** {@code strerror} texts worth telling the host, as the JDK spells them; matched ignoring case. */
    private static final List<String> KNOWN = List.of(
            "No space left on device",
            "Read-only file system",
            "Disk quota exceeded",
            "Permission denied",
            "Operation not permitted",
            "Input/output error",
            "Too many open files",
            "File too large",
            "No such file or directory",
            "Not a directory",
            "Is a directory",
            "Directory not empty",
            "File exists",
            "Too many levels of symbolic links",
            "Stale file handle",
            "Structure needs cleaning",
            "Cannot allocate memory",
            "Operation not supported");

    private IoCause() {
    }

    /**
     * @param failure any throwable, usually an {@link java.io.IOException}; may be null
     * @return the first recognised cause along the cause chain, in lower case
     *         ({@code "no space left on device"}, {@code "read-only file system"}, {@code "cancelled"},
     *         or a {@link RefusedPathException}'s own root-relative message); {@value #UNKNOWN} when
     *         none is recognised. Never null, never an absolute path or a class name.
     */
    public static String of(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            String found = describe(t);
            if (found != null) {
                return found;
            }
        }
        return UNKNOWN;
    }

    private static String describe(Throwable t) {
        if (t instanceof RefusedPathException refused) {
            return "refused: '" + refused.relativePath() + "' " + refused.reason();
        }
        if (t instanceof InterruptedIOException) {
            return "cancelled";
        }
        String text = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : t.getMessage();
        String known = known(text);
        if (known != null) {
            return known;
        }
        // the NIO subclasses that carry no reason text
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (t instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        if (t instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (t instanceof NotDirectoryException) {
            return "not a directory";
        }
        return null;
    }

    private static String known(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String k : KNOWN) {
            if (lower.contains(k.toLowerCase(Locale.ROOT))) {
                return k.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
