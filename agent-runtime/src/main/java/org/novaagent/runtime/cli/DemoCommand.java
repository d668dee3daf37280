/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.novaagent.host.demo.DemoOptions;
import org.novaagent.host.demo.DemoScenario;
import org.novaagent.host.demo.Distro;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agent demo}: nova's whole conversation on this machine. An embedded XenStore, the real
 * agent running in-process against a scratch root laid out like a distro, and the host simulator
 * playing first boot, a Cloud Network attach and a detach. Needs no root and no Xen.
 * Registered only when the {@code org.novaagent.host} module is present (not in distro packages).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = {"Play nova's conversation with the real agent here (no root, no Xen needed).",
            "An embedded XenStore, a scratch target root laid out like the distro, and a simulated host "
                + "sending version, features, keyinit, password, resetnetwork, then a Cloud Network attach and "
                + "detach. Prints each step, its reply and latency, and the files the agent wrote."},
        footer = {"", "Exit codes: 0 every step succeeded, 1 a step failed, 2 the demo could not run."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--distro", paramLabel = "NAME", defaultValue = "debian",
            description = "Layout of the scratch root: debian, ubuntu (netplan), rhel or alpine (default: ${DEFAULT-VALUE}).")
    String distro;

    @Option(names = "--cleanup", description = "Delete the scratch directory at the end (default: keep it and print where).")
    boolean cleanup;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Create the scratch directory under DIR (default: the system temp dir).")
    Path workDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Timeout of each host call in seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "Log level of the in-process agent (default: warn, so the host's steps stay readable).")
    String logLevel;

    @Override
    public Integer call() {
        Distro d;
        try {
            d = Distro.parse(distro);
        } catch (IllegalArgumentException e) {
            System.err.println("agent demo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DemoOptions opts = DemoOptions.defaults().withDistro(d).withCleanup(cleanup)
                .withTimeouts(Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(Math.max(60, timeoutSeconds)));
        if (workDir != null) {
            opts = opts.withWorkDir(workDir);
        }
        return new DemoScenario().run(opts, new InProcessAgentLauncher(), System.out);
    }
}
