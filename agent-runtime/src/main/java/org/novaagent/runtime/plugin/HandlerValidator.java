/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.util.Optional;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.HostFacts;

/**
 * Checks one handler's metadata before selection (as JUnit's {@code EngineIdValidator} does for
 * engines): a blank or throwing {@code name()} makes it invalid; a throwing applicability check
 * counts as "not applicable" with the exception as reason. Never throws.
 */
public final class HandlerValidator {

    /**
     * @param handler the handler
     * @return the problem that makes it unusable, or empty when it may take part in selection
     */
    public Optional<String> problem(CommandHandler handler) {
        String name;
        try {
            name = handler.name();
        } catch (RuntimeException e) {
            return Optional.of("name() threw " + e);
        }
        if (name == null || name.isBlank()) {
            return Optional.of("blank command name from " + handler.getClass().getName());
        }
        if (!name.equals(name.strip())) {
            return Optional.of("command name '" + name + "' has surrounding white space");
        }
        return Optional.empty();
    }

    /**
     * @param handler a valid handler
     * @param facts   the host facts
     * @return the handler's verdict; a throwing or null verdict becomes "not applicable"
     */
    public Applicability applicability(CommandHandler handler, HostFacts facts) {
        try {
            Applicability a = handler.applicability(facts);
            return a == null ? Applicability.no("applicability check returned null") : a;
        } catch (RuntimeException | LinkageError e) {
            return Applicability.no("applicability check threw " + e);
        }
    }

    /**
     * @param handler a handler
     * @return its priority, 0 when {@code priority()} throws
     */
    public int priority(CommandHandler handler) {
        try {
            return handler.priority();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
