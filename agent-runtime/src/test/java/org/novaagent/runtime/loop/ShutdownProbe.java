/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.novaagent.runtime.notify.ServiceNotifier;
import org.novaagent.runtime.testing.TestHandlers;
import org.novaagent.runtime.testing.TestRouters;

/**
 * A child JVM for {@link ShutdownHookTests}: runs the daemon against the XenStore socket given as
 * the first argument, with the production shutdown hook, and creates the file given as the second
 * argument once ready.
 */
public final class ShutdownProbe {

    private ShutdownProbe() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        DaemonSettings settings = DaemonSettings.defaults().withXenStorePath(Optional.of(socket))
                .withShutdownGrace(Duration.ofSeconds(10));
        AgentDaemon daemon = new AgentDaemon(settings, XenStoreFactory.searching(settings.xenStorePath()),
                TestRouters.of(new TestHandlers().all(), socket.getParent()), ServiceNotifier.NONE,
                Clock.systemUTC());
        daemon.installShutdownHook();
        Thread watcher = new Thread(() -> {
            try {
                if (daemon.awaitReady(Duration.ofSeconds(30))) {
                    Files.writeString(Path.of(args[1]), "ready");
                }
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        System.exit(daemon.run());
    }
}
