/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used, naming the file and (when known) the line, so the
 * operator can fix it. The CLI maps it to exit code 2.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /**
     * @param file   the configuration file
     * @param line   the 1-based line number, or 0 when the problem is not tied to a line
     * @param reason what is wrong
     */
    public ConfigException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    /** @return the configuration file */
    public Path file() {
        return file;
    }

    /** @return the 1-based line number, or 0 when the problem is not tied to a line */
    public int line() {
        return line;
    }
}
