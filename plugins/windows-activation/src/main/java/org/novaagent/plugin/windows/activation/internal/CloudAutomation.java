/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.windows.activation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.novaagent.api.CommandContext;
import org.novaagent.api.ProcessResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The old Windows agent's cloud automation (protocol §5.2 step 1): after the first-boot work
 * (the {@code kmsactivate} request), start the image's bootstrap script, or, when Windows waits
 * for a reboot, set {@code cloud-automation-run} under {@code HKLM\SOFTWARE\Rackspace} so the next
 * agent start runs it (and clears the value first, so it runs once). The registry is read and
 * written with {@code reg.exe}; scripts are started with {@code cmd /c start}, which returns at
 * once, so the agent never waits for them. Every step only logs its errors.
 */
final class CloudAutomation {

    static final String REG = "C:\\Windows\\System32\\reg.exe";
    static final String CMD = "C:\\Windows\\System32\\cmd.exe";
    static final String KEY = "HKLM\\SOFTWARE\\Rackspace";
    static final String RUN_VALUE = "cloud-automation-run";
    /** The image's scripts, each started when it exists (§5.2). */
    static final List<String> SCRIPTS = List.of("C:\\Windows\\Setup\\Scripts\\deploycomplete.cmd",
            "C:\\cloud-automation\\bootstrap.bat", "C:\\cloud-automation\\bootstrap.cmd");
    /** Keys that exist while Windows waits for a reboot (servicing, Windows Update). */
    static final List<String> REBOOT_PENDING_KEYS = List.of(
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending",
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(CloudAutomation.class);

    private CloudAutomation() {
    }

    /** After the first-boot work: clear {@code cloud-automation}; defer past a pending reboot, or start the scripts now. */
    static void afterFirstBoot(CommandContext context) throws InterruptedException {
        run(context, REG, "delete", KEY, "/v", "cloud-automation", "/f"); // usually absent: exit 1, fine
        if (rebootPending(context)) {
            LOG.info("a reboot is pending: the cloud-automation script runs at the next agent start");
            run(context, REG, "add", KEY, "/v", RUN_VALUE, "/t", "REG_SZ", "/d", "True", "/f");
        } else {
            startScripts(context);
        }
    }

    /** At agent start: when {@code cloud-automation-run} is set, clear it, then start the scripts. */
    static void atStart(CommandContext context) throws InterruptedException {
        ProcessResult set = run(context, REG, "query", KEY, "/v", RUN_VALUE);
        if (set == null || !set.executed() || set.exitCode() != 0) {
            return; // not set (exit 1), or a dry run
        }
        ProcessResult cleared = run(context, REG, "delete", KEY, "/v", RUN_VALUE, "/f");
        if (cleared == null || !cleared.succeeded()) {
            LOG.warn("cannot clear {}\\{}: not running the cloud-automation script (it would run at every start)", KEY, RUN_VALUE);
            return;
        }
        startScripts(context);
    }

    private static boolean rebootPending(CommandContext context) throws InterruptedException {
        for (String key : REBOOT_PENDING_KEYS) {
            ProcessResult r = run(context, REG, "query", key);
            if (r != null && r.executed() && r.exitCode() == 0) {
                return true;
            }
        }
        return false;
    }

    private static void startScripts(CommandContext context) throws InterruptedException {
        for (String script : SCRIPTS) {
            if (Files.isRegularFile(context.resolve(guestPath(script)))) {
                LOG.info("starting the cloud-automation script {}", script);
                // "title" quoted: start takes a first quoted argument as the window title
                run(context, CMD, "/c", "start", "\"nova-agent cloud automation\"", "/min", script);
            }
        }
    }

    /** {@code C:\a\b.cmd} → {@code /a/b.cmd}, resolved under the target root (the system drive). */
    static String guestPath(String windowsPath) {
        return windowsPath.substring(2).replace('\\', '/');
    }

    private static ProcessResult run(CommandContext context, String... command) throws InterruptedException {
        try {
            return context.processes().run(List.of(command), new byte[0], TIMEOUT);
        } catch (IOException e) {
            LOG.warn("cloud automation: cannot run {}: {}", command[0], e.getMessage());
            return null;
        }
    }
}
