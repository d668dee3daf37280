/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import java.util.Map;

/**
 * Unblocks a service manager that waits for {@code READY=1} without a timeout when {@code agent run}
 * cannot start (a malformed configuration, a failure while assembling): OpenRC 0.62+'s supervise-daemon
 * with {@code notify="socket:ready"} waits for READY=1 forever, so an agent that exits first (and again
 * after every respawn) would hold up the boot. When {@value #SETTING} is {@code yes} in the environment
 * (the OpenRC service script exports it), the agent sends {@code READY=1} with a status naming the failure
 * just before it exits; supervise-daemon then returns and keeps respawning it. Without the variable
 * (systemd, whose start job has its own timeout and failure state) nothing is sent.
 */
public final class FailedStartNotice {

    /** The environment variable that asks for the notice. */
    public static final String SETTING = "NOVA_AGENT_READY_ON_FAILED_START";

    private FailedStartNotice() {
    }

    /**
     * @param environment the process environment
     * @param exitCode    the exit code {@code agent run} is about to return
     * @param reason      what went wrong, one line
     * @return true when a notice was delivered
     */
    public static boolean send(Map<String, String> environment, int exitCode, String reason) {
        if (!"yes".equals(environment.get(SETTING))) {
            return false;
        }
        return SdNotify.fromEnvironment(environment)
                .ready("Not started (exit " + exitCode + "): " + reason.replace('\n', ' '));
    }
}
