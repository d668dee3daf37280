/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.util.Objects;

/**
 * One line of {@code agent doctor} from a {@link HealthCheck}: the topic, the verdict, what was
 * found and, unless the verdict is {@link Level#OK}, how to fix it. Immutable.
 *
 * @param topic   a short lower-case word for doctor's check column, e.g. {@code overrides}; never blank
 * @param level   the verdict
 * @param message what was found, one line; never null
 * @param fix     what the operator should do, one line; empty for {@link Level#OK}, never empty otherwise
 */
public record HealthFinding(String topic, Level level, String message, String fix) {

    /** A verdict; the same scale as the runtime's own checks. */
    public enum Level {
        /** As it should be. */
        OK,
        /** Works, but worth a look. */
        WARN,
        /** The command cannot do its job this way; {@code agent doctor} exits non-zero. */
        FAIL
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException for a blank topic, or a warning or failure without a fix
     */
    public HealthFinding {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
        if (topic.isBlank()) {
            throw new IllegalArgumentException("blank topic");
        }
        if (level != Level.OK && fix.isBlank()) {
            throw new IllegalArgumentException(level + " without a fix: " + message);
        }
    }

    /**
     * @param topic   the topic
     * @param message what was found
     * @return a finding that all is well
     */
    public static HealthFinding ok(String topic, String message) {
        return new HealthFinding(topic, Level.OK, message, "");
    }

    /**
     * @param topic   the topic
     * @param message what was found
     * @param fix     what to do
     * @return a warning
     */
    public static HealthFinding warn(String topic, String message, String fix) {
        return new HealthFinding(topic, Level.WARN, message, fix);
    }

    /**
     * @param topic   the topic
     * @param message what was found
     * @param fix     what to do
     * @return a failure
     */
    public static HealthFinding fail(String topic, String message, String fix) {
        return new HealthFinding(topic, Level.FAIL, message, fix);
    }
}
