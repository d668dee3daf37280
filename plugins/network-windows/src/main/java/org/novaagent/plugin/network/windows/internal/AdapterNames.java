/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The adapter's new name, its Cloud Network label, by the old Windows agent's rules
 * (protocol §4.7 step 5): {@code <label>0}, and on a clash {@code <label>1} up to {@code <label>9}
 * (names clash after snapshots: the old adapter's name is still registered). RackConnect v3 finds its
 * networks by these names. Differences, on purpose: the clash is decided from the names Windows
 * lists instead of by retrying a failed rename; an adapter that already carries one of its label's
 * ten names keeps it (the old agent renamed at every resetnetwork); and characters Windows refuses
 * in a connection name ({@code \ / : * ? " < > |}) become {@code _}.
 */
final class AdapterNames {

    /** How many suffixes the old agent tried ({@code 0}-{@code 9}). */
    static final int ATTEMPTS = 10;
    /** Longest label kept (Windows allows longer connection names; a label is at most 64 already). */
    static final int MAX_BASE = 60;

    private AdapterNames() {
    }

    /**
     * @param label a label already reduced by {@code SafeText.label}
     * @return the name's stem, or empty when the label gives none (no rename then)
     */
    static Optional<String> base(String label) {
        String s = label.replaceAll("[\\\\/:*?\"<>|]", "_").strip();
        if (s.length() > MAX_BASE) {
            s = s.substring(0, MAX_BASE).strip();
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * The outcome for one adapter.
     *
     * @param name     the name it should carry
     * @param rename   true when that differs from its current name
     * @param problem  set when no name was free (the adapter keeps its name)
     */
    record Choice(String name, boolean rename, Optional<String> problem) {
    }

    /**
     * @param base    the stem from {@link #base}
     * @param current the adapter's current name
     * @param taken   names every other adapter carries or was given in this plan, in lower case
     * @return the choice
     */
    static Choice choose(String base, String current, Set<String> taken) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (current.equalsIgnoreCase(base + i)) {
                return new Choice(current, false, Optional.empty());
            }
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            String candidate = base + i;
            if (!taken.contains(candidate.toLowerCase(Locale.ROOT))) {
                return new Choice(candidate, true, Optional.empty());
            }
        }
        return new Choice(current, false, Optional.of("names " + base + "0 to " + base + (ATTEMPTS - 1)
                + " are all taken by other adapters; the adapter keeps its name"));
    }
}
