/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.util.Objects;

/**
 * One line of {@code agent plugins list}: a handler, where it came from, and what selection
 * decided about it.
 *
 * @param command  the command name (may be blank for an invalid handler)
 * @param module   the providing module's name ({@code unnamed} on a class path)
 * @param version  the providing module's version or {@code unknown}
 * @param origin   {@code built-in} or the plugin jar path
 * @param priority the handler's priority
 * @param status   the verdict
 * @param detail   the human-readable verdict, e.g. {@code shadowed by org.example.x}
 */
public record SelectionRow(String command, String module, String version, String origin, int priority,
                           Status status, String detail) {

    /** What selection decided about a handler. */
    public enum Status {
        /** The handler serves its command. */
        SELECTED,
        /** Applicable, but another handler with a higher priority serves the command. */
        SHADOWED,
        /** The handler said it does not apply to this host. */
        NOT_APPLICABLE,
        /** Applicable and tied on the highest priority with another: none of them is routed. */
        TIE,
        /** The handler is unusable (blank name, throwing metadata). */
        INVALID
    }

    /** Validates the components. */
    public SelectionRow {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }
}
