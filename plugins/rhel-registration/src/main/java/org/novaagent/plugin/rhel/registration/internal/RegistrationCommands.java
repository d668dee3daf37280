/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import java.util.List;

/**
 * Builds the two registration commands. Neither {@code subscription-manager} nor {@code rhnreg_ks}
 * can read an activation key from stdin, so each command is a fixed {@code /bin/sh} script that
 * reads the key from stdin and {@code exec}s the tool. The key therefore never appears in the
 * argv the agent hands to {@code ProcessRunner} (which the runtime logs), only in the tool's own
 * argv for the length of its run. All host-supplied values travel as positional parameters
 * ({@code "$1"}, ...), never inside the script text, so no shell quoting is involved.
 */
final class RegistrationCommands {

    /** The shell that reads the key; present on every RHEL release. */
    static final String SHELL = "/bin/sh";
    /** Used to start {@code rhnreg_ks} with an empty environment, as 1.x/2.x did. */
    static final String ENV = "/usr/bin/env";
    /** {@code $0} of the script, shown by {@code ps}. */
    static final String SCRIPT_NAME = "nova-agent-kmsactivate";

    private static final String READ_KEY = "IFS= read -r key || exit 97; ";

    private RegistrationCommands() {
    }

    /**
     * {@code subscription-manager register --activationkey=<key> --org=<org> --name=<profile> --force}.
     *
     * @param tool    guest path of subscription-manager
     * @param org     the organisation
     * @param profile the system name
     * @return the command; the key is read from stdin (one line)
     */
    static List<String> subscriptionManager(String tool, String org, String profile) {
        return List.of(SHELL, "-c",
                READ_KEY + "exec \"$1\" register \"--activationkey=$key\" \"--org=$2\" \"--name=$3\" --force",
                SCRIPT_NAME, tool, org, profile);
    }

    /**
     * {@code env -i rhnreg_ks --activationkey <key> --profile <profile> --force}.
     *
     * @param tool    guest path of rhnreg_ks
     * @param profile the profile name
     * @return the command; the key is read from stdin (one line)
     */
    static List<String> rhnregKs(String tool, String profile) {
        return List.of(SHELL, "-c",
                READ_KEY + "exec " + ENV + " -i \"$1\" --activationkey \"$key\" --profile \"$2\" --force",
                SCRIPT_NAME, tool, profile);
    }
}
