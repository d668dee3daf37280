/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.novaagent.api.support.Sha512Crypt;
import org.novaagent.host.Crypto;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.StepReport;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;

/**
 * {@code agent demo}: the whole cloud conversation on one machine. Starts a XenStore and an agent on
 * a scratch root laid out like a distro, plays nova's first boot (version, features, keyinit, password,
 * resetnetwork) and a Cloud Network attach and detach, then shows what the agent wrote.
 */
public final class DemoScenario {

    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!%+-_=";

    private final DemoXenStore.Factory xenstoreFactory;

    /** A demo on the embedded XenStore. */
    public DemoScenario() {
        this(DemoXenStore.embedded());
    }

    /** @param xenstoreFactory the XenStore to run on (tests pass an in-memory one) */
    public DemoScenario(DemoXenStore.Factory xenstoreFactory) {
        this.xenstoreFactory = xenstoreFactory;
    }

    /**
     * Runs the demo.
     *
     * @param opts     options
     * @param launcher starts the agent under test
     * @param out      where the report goes (the password is never printed)
     * @return 0 when every step succeeded and the root hash matches the demo password, 1 on a failed
     *         step, 2 when the demo itself could not run
     */
    public int run(DemoOptions opts, AgentLauncher launcher, PrintWriter out) {
        Path dir;
        try {
            dir = opts.workDir().isPresent()
                    ? Files.createTempDirectory(opts.workDir().get(), "nova-agent-demo-")
                    : Files.createTempDirectory("nova-agent-demo-");
        } catch (IOException e) {
            out.println("demo: cannot create a temporary directory: " + e.getMessage());
            return 2;
        }
        Path root = dir.resolve("root");
        String password = generatePassword();
        List<StepReport> steps = new ArrayList<>();
        boolean hashOk = false;
        int status;
        try (DemoXenStore xs = xenstoreFactory.start(dir.resolve("xenstore.sock"))) {
            DistroRootBuilder.build(root, opts.distro());
            TreeSnapshot before = TreeSnapshot.take(root);
            out.println("nova-agent demo: " + opts.distro().prettyName());
            out.println("  scratch root : " + root);
            out.println("  xenstore     : " + xs.socket());
            out.println();
            out.printf("  %-40s %-8s %7s  %s%n", "STEP", "RC", "MS", "MESSAGE");
            runAgentAndSteps(opts, launcher, xs, root, password, steps, out);
            out.println();
            out.println("Files changed by the agent under " + root + ":");
            ChangeReport.print(out, root, before.diff(TreeSnapshot.take(root)));
            hashOk = verifyRootHash(root, password, out);
            boolean stepsOk = !steps.isEmpty() && steps.stream().allMatch(StepReport::ok);
            long failed = steps.stream().filter(s -> !s.ok()).count();
            out.println();
            out.println(stepsOk && hashOk ? "Result: OK, all " + steps.size() + " steps succeeded"
                    : "Result: FAILED (" + failed + " of " + steps.size() + " steps failed"
                    + (hashOk ? "" : ", root password not verified") + ")");
            status = stepsOk && hashOk ? 0 : 1;
        } catch (IOException e) {
            out.println("demo: " + e.getMessage());
            status = 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("demo: interrupted");
            status = 2;
        }
        if (opts.cleanup()) {
            deleteTree(dir, out);
        } else {
            out.println("Scratch directory kept: " + dir + "  (rerun with --cleanup to remove it)");
        }
        return status;
    }

    private void runAgentAndSteps(DemoOptions opts, AgentLauncher launcher, DemoXenStore xs, Path root,
                                  String password, List<StepReport> steps, PrintWriter out)
            throws IOException, InterruptedException {
        AutoCloseable agent;
        long t = System.nanoTime();
        try {
            agent = launcher.start(xs.socket(), root);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            record(steps, out, new StepReport("start agent", new HostReply("ERROR", String.valueOf(e.getMessage()),
                    since(t), false), since(t), false));
            return;
        }
        try (XenStoreClient client = xs.connect()) {
            HostSimulator host = new HostSimulator(client);
            host.setDefaultTimeout(opts.callTimeout());
            record(steps, out, host.waitForVersion(opts.versionTimeout()));
            if (!steps.get(0).ok()) {
                return;
            }
            record(steps, out, step("features", host::features, HostReply::isSuccess));
            StepReport keyinit = step("keyinit", host::keyinit, HostReply::isKeyInitSuccess);
            record(steps, out, keyinit);
            if (keyinit.ok()) {
                record(steps, out, step("password", () -> host.password(password, Crypto.Digest.MD5), HostReply::isSuccess));
            } else {
                record(steps, out, new StepReport("password", new HostReply("SKIPPED", "keyinit failed", Duration.ZERO,
                        false), Duration.ZERO, false));
            }
            record(steps, out, step("resetnetwork (eth0 public, eth1 private)",
                    () -> host.resetnetwork(DemoNetwork.twoNics()), HostReply::isResetNetworkSuccess));
            record(steps, out, step("resetnetwork (attach eth2 demo-net)",
                    () -> host.resetnetwork(DemoNetwork.withCloudNetwork()), HostReply::isResetNetworkSuccess));
            record(steps, out, step("resetnetwork (detach eth2)",
                    () -> host.resetnetwork(DemoNetwork.twoNics()), HostReply::isResetNetworkSuccess));
        } finally {
            try {
                agent.close();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                out.println("demo: stopping the agent failed: " + e.getMessage());
            }
        }
    }

    /** One host call. */
    private interface Call {
        HostReply run() throws XenStoreException, InterruptedException;
    }

    private static StepReport step(String name, Call call, java.util.function.Predicate<HostReply> success)
            throws XenStoreException, InterruptedException {
        long t = System.nanoTime();
        HostReply r = call.run();
        return new StepReport(name, r, since(t), success.test(r));
    }

    private static void record(List<StepReport> steps, PrintWriter out, StepReport s) {
        steps.add(s);
        out.printf("  %-40s %-8s %7d  %s%s%n", s.name(), s.reply().returnCode(), s.latency().toMillis(),
                shorten(s.reply().message()), s.ok() ? "" : "   <-- FAILED");
    }

    private static boolean verifyRootHash(Path root, String password, PrintWriter out) throws IOException {
        Optional<String> hash = ChangeReport.rootHash(root);
        if (hash.isEmpty()) {
            out.println("Root password: FAILED, no root line in etc/shadow");
            return false;
        }
        if (!hash.get().startsWith("$6$")) {
            out.println("Root password: FAILED, root hash is not SHA-512 crypt ($6$): "
                    + ChangeReport.truncate(hash.get()));
            return false;
        }
        boolean ok = Sha512Crypt.verify(password.getBytes(StandardCharsets.UTF_8), hash.get());
        out.println("Root password: " + (ok ? "OK, etc/shadow hash matches the demo password"
                : "FAILED, etc/shadow hash does not match the demo password"));
        return ok;
    }

    static String shorten(String message) {
        String one = message.replace("\r", "").replace("\n", " / ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    /** @return a fresh random password; it only ever lives in memory */
    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void deleteTree(Path dir, PrintWriter out) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
            out.println("Scratch directory removed.");
        } catch (IOException e) {
            out.println("demo: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
