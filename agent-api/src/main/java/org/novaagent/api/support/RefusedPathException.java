/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.IOException;

/**
 * {@link SafeFiles} refused a path because following or replacing it could let someone else
 * redirect a write made as root: a symbolic link at some component, a hard-linked or special
 * file, a directory where a file was expected, a file that changed while it was checked.
 * Nothing was written. The message names the <em>root-relative</em> path as the caller gave it
 * (never where a link points), so it is safe to show to the host and to log.
 */
public final class RefusedPathException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The root-relative path (or the prefix of it) that was refused. */
    private final String relativePath;
    /** Why it was refused. */
    private final String reason;

    /**
     * @param relativePath the refused root-relative path, e.g. {@code home/bob/.ssh}
     * @param reason       why, e.g. {@code is a symbolic link}
     */
    public RefusedPathException(String relativePath, String reason) {
        super("'" + relativePath + "' " + reason);
        this.relativePath = relativePath;
        this.reason = reason;
    }

    /** @return the refused root-relative path, never null */
    public String relativePath() {
        return relativePath;
    }

    /** @return why it was refused, e.g. {@code is a symbolic link; refusing to follow it} */
    public String reason() {
        return reason;
    }
}
