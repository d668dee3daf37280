/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

/**
 * A plugins directory (or jar in it) that someone other than root could change: code from it
 * would run as root, so the agent refuses to load it.
 */
public final class InsecurePluginsDirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is insecure and how to fix it */
    public InsecurePluginsDirectoryException(String message) {
        super(message);
    }
}
