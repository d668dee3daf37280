/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.protocol;

/**
 * A request under {@code data/host/<id>} that cannot be parsed. The message is host-safe: it says
 * what is wrong (bad JSON, no name, too large, not UTF-8) and never echoes the request value.
 */
public final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the host-safe reason, sent as the reply message
     */
    public BadRequestException(String message) {
        super(message);
    }
}
