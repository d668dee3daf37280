/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.novaagent.xenstore.XenStoreException;

/**
 * nova's {@code _configure_new_instance_with_agent} order: version (re-sent until its timeout, no
 * answer skips the rest), authorized_keys, keyinit + password (password only after a D0), resetnetwork.
 */
final class BootSequence {

    /** Pause between version attempts that got a non-timeout failure. */
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final HostSimulator host;

    BootSequence(HostSimulator host) {
        this.host = host;
    }

    List<StepReport> run(BootPlan plan) throws XenStoreException, InterruptedException {
        List<StepReport> steps = new ArrayList<>();
        StepReport version = version(plan.versionTimeout());
        steps.add(version);
        if (!version.ok()) {
            return steps;
        }
        if (plan.sshPublicKey().isPresent()) {
            String content = "\n# The following ssh key was injected by Nova\n" + plan.sshPublicKey().get().strip() + "\n";
            long t = System.nanoTime();
            HostReply r = host.injectfile("/root/.ssh/authorized_keys", content.getBytes(StandardCharsets.UTF_8));
            steps.add(new StepReport("injectfile /root/.ssh/authorized_keys", r, since(t), r.isSuccess()));
        }
        if (plan.adminPassword().isPresent()) {
            long t = System.nanoTime();
            HostReply k = host.keyinit();
            steps.add(new StepReport("keyinit", k, since(t), k.isKeyInitSuccess()));
            if (k.isKeyInitSuccess()) {
                t = System.nanoTime();
                HostReply p = host.password(plan.adminPassword().get(), plan.digest());
                steps.add(new StepReport("password", p, since(t), p.isSuccess()));
            }
        }
        if (plan.network().isPresent()) {
            long t = System.nanoTime();
            HostReply n = host.resetnetwork(plan.network().get());
            steps.add(new StepReport("resetnetwork", n, since(t), n.isResetNetworkSuccess()));
        }
        return steps;
    }

    StepReport version(Duration total) throws XenStoreException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + total.toNanos();
        HostReply last;
        while (true) {
            long remaining = deadline - System.nanoTime();
            Duration slice = Duration.ofNanos(Math.max(1, Math.min(remaining, host.defaultTimeout().toNanos())));
            last = host.call("version", "agent", slice);
            if (last.isSuccess()) {
                return new StepReport("version", last, since(start), true);
            }
            if (System.nanoTime() - deadline >= 0) {
                return new StepReport("version", last, since(start), false);
            }
            if (!last.isTimeout()) {
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
