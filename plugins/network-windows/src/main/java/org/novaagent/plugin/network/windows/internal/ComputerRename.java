/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.novaagent.api.CommandContext;
import org.novaagent.api.ProcessResult;
import org.novaagent.plugin.network.windows.internal.nativeapi.ComputerNameException;
import org.novaagent.plugin.network.windows.internal.nativeapi.ComputerNameSetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computer rename after the adapters are configured: {@code SetComputerNameExW} through the
 * setter, then the sentence the reply carries. Windows applies the name at the next restart; the
 * agent restarts the guest only when {@value #REBOOT_SETTING} is true (default false), with
 * {@code shutdown.exe /r /t 30}, so the reply is written before Windows goes down. The old agent
 * restarted on its own after every rename (protocol §2.10); ours never does unless told.
 */
final class ComputerRename {

    /** Setting: restart the guest after a computer rename (default false). */
    static final String REBOOT_SETTING = "network.windows.reboot-after-rename";
    /** How long Windows waits before the restart. */
    static final int REBOOT_DELAY_SECONDS = 30;
    /** The restart, by absolute path; reason "planned, operating system: reconfiguration" (p:2:4). */
    static final List<String> RESTART = List.of("C:\\Windows\\System32\\shutdown.exe", "/r", "/t",
            Integer.toString(REBOOT_DELAY_SECONDS), "/d", "p:2:4", "/c", "nova-agent: computer renamed");

    private static final Logger LOG = LoggerFactory.getLogger(ComputerRename.class);

    private ComputerRename() {
    }

    /**
     * @param context the request's context (live system or not, settings, process runner)
     * @param names   the setter
     * @param name    the new computer name
     * @return the reply's sentence about the rename
     * @throws ComputerNameException when Windows refuses the name
     * @throws InterruptedException  when the request is cancelled during the restart command
     */
    static String apply(CommandContext context, ComputerNameSetter names, String name)
            throws ComputerNameException, InterruptedException {
        if (!context.liveSystem()) {
            LOG.info("would set the computer name to {} (the target root is not the live system)", name);
            return "computer name '" + name + "' not set: the target root is not the live system";
        }
        names.set(name);
        LOG.info("computer name set to {}; Windows applies it at the next restart", name);
        String done = "computer name set to '" + name + "'; Windows applies it at the next restart";
        if (!context.setting(REBOOT_SETTING).map(s -> Boolean.parseBoolean(s.strip())).orElse(false)) {
            return done + " (the agent does not restart the guest unless " + REBOOT_SETTING + " = true)";
        }
        try {
            ProcessResult r = context.processes().run(RESTART, new byte[0], Duration.ofSeconds(30));
            return r.succeeded() ? done + ", restarting in " + REBOOT_DELAY_SECONDS + " s (" + REBOOT_SETTING + ")"
                    : done + "; the restart failed (shutdown.exe exit " + r.exitCode() + ")";
        } catch (IOException e) {
            return done + "; the restart failed: " + e.getMessage();
        }
    }
}
