/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.util.Objects;

/**
 * One line of {@code agent doctor}: what was checked, the verdict, what was found and, unless
 * the verdict is {@link Level#OK}, how to fix it.
 *
 * @param check   the check's short name, e.g. {@code xenstore}
 * @param level   the verdict
 * @param message what was found
 * @param fix     what to do about it; empty for {@link Level#OK}
 */
public record Finding(String check, Level level, String message, String fix) {

    /** A verdict. */
    public enum Level {
        /** As it should be. */
        OK,
        /** Works, but worth a look. */
        WARN,
        /** The agent cannot do its job this way; {@code agent doctor} exits non-zero. */
        FAIL
    }

    /** Validates the components. */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /** @return an ok finding */
    public static Finding ok(String check, String message) {
        return new Finding(check, Level.OK, message, "");
    }

    /** @return a warning with its fix */
    public static Finding warn(String check, String message, String fix) {
        return new Finding(check, Level.WARN, message, fix);
    }

    /** @return a failure with its fix */
    public static Finding fail(String check, String message, String fix) {
        return new Finding(check, Level.FAIL, message, fix);
    }
}
