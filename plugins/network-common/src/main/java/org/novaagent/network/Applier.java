/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;

/**
 * A plugin's way to make written files take effect, as plain argv lists that
 * {@link ResetNetworkFlow} runs through the context's process runner (so tests observe them and
 * nothing runs on the live machine with {@code --root}). Called only when content changed.
 */
public interface Applier {

    /**
     * Commands run after the new files are in place, in order; the first non-zero exit fails the
     * reset, the files are rolled back and {@link #rollbackCommands} re-apply the old files.
     *
     * @param plan the configuration and the file changes
     * @return argv lists, e.g. {@code [["netplan", "apply"]]}; may be empty
     */
    List<List<String>> commands(ApplyPlan plan);

    /**
     * Commands run before the new files are written, e.g. {@code ifdown} with the old
     * configuration. A failure here is logged and ignored. The default is none.
     *
     * @param plan the configuration and the file changes
     * @return argv lists; may be empty
     */
    default List<List<String>> preCommands(ApplyPlan plan) {
        return List.of();
    }

    /**
     * Commands run after a failed apply has put the previous files back, to make them take effect
     * again. The default runs {@link #commands} again, which suits appliers whose commands only
     * reload files; an applier whose commands also create state outside the files (a service link,
     * a runlevel entry) undoes that here for what was new in the failed request. Failures are
     * logged.
     *
     * @param plan the plan of the failed request (its changes' old contents are what is back now)
     * @return argv lists; may be empty
     */
    default List<List<String>> rollbackCommands(ApplyPlan plan) {
        return commands(plan);
    }
}
