/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.novaagent.testkit.Exec;

/**
 * Runs {@code netifrc-plan.sh} (a transcription of netifrc's net.lo reading of {@code conf.d/net}:
 * {@code _load_config}, the config loop, the route loop, {@code _system_dns}; netifrc is not packaged
 * for Debian) with a real shell over a {@code conf.d/net}, and returns what net.lo would do per
 * interface: {@code [eth0]}, {@code addr <cidr>}, {@code null}, {@code module dhcp},
 * {@code route any|-6|-4 -net|-host <spec>}, {@code dns <server>}. Shared with the end-to-end tests
 * through this module's test-jar.
 */
public final class NetifrcPlan {

    private NetifrcPlan() {
    }

    /**
     * @param shell      the shell to run it with ({@code bash} as on Gentoo, or {@code sh})
     * @param confNet    the file
     * @param interfaces the interfaces to plan, in order
     * @param scratch    a directory for the script copy
     * @return the output lines
     * @throws IOException when the shell exits non-zero (its output is the message) or cannot start
     * @throws InterruptedException when interrupted
     */
    public static List<String> read(String shell, Path confNet, List<String> interfaces, Path scratch)
            throws IOException, InterruptedException {
        Path script = scratch.resolve("netifrc-plan.sh");
        try (InputStream in = NetifrcPlan.class.getResourceAsStream("netifrc-plan.sh")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(shell, script.toString(), confNet.toString()));
        command.addAll(interfaces);
        Exec.Result r = Exec.run(command);
        if (r.code() != 0) {
            throw new IOException(shell + " netifrc-plan.sh exited " + r.code() + ": " + r.output());
        }
        return r.output().lines().toList();
    }
}
