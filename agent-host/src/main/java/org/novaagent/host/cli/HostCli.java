/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.novaagent.host.BootPlan;
import org.novaagent.host.Crypto;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.NetworkSpecReader;
import org.novaagent.host.StepReport;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nova-host}: play nova's side against a running agent from a shell. Exit code 0 when the
 * call succeeded by nova's rules, 1 when the agent answered with a failure or timed out, 2 on usage
 * or XenStore errors. The password is read from stdin only, never from argv.
 */
@Command(name = "nova-host", mixinStandardHelpOptions = true,
        description = "Send nova's XenStore agent requests to a guest agent.",
        subcommands = {HostCli.Version.class, HostCli.Features.class, HostCli.KeyinitPassword.class,
                HostCli.ResetNetwork.class, HostCli.Boot.class})
public final class HostCli {

    @Option(names = "--xenstore", paramLabel = "SOCKET", description = "XenStore socket or device (default: auto-detect)")
    Path xenstore;

    @Option(names = "--domain-path", paramLabel = "PATH", description = "guest home, e.g. /local/domain/5 (default: own)")
    String domainPath;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "per-call timeout (default 30)")
    long timeoutSeconds;

    /**
     * Runs the CLI.
     *
     * @param args command-line arguments
     * @param out  where results go
     * @param err  where errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new HostCli());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** Entry point; the only place that exits the JVM. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Base of every subcommand: opens the connection and prints replies. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        HostCli parent;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract int execute(HostSimulator host) throws XenStoreException, InterruptedException, IOException;

        @Override
        public Integer call() throws InterruptedException {
            try (XenStoreClient client = XenStoreConnector.open(Optional.ofNullable(parent.xenstore))) {
                HostSimulator host = parent.domainPath == null ? new HostSimulator(client)
                        : new HostSimulator(client, parent.domainPath, 80);
                host.setDefaultTimeout(Duration.ofSeconds(parent.timeoutSeconds));
                return execute(host);
            } catch (XenStoreException e) {
                spec.commandLine().getErr().println("xenstore: " + e.getMessage());
                return 2;
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            }
        }

        int print(String name, HostReply reply, boolean ok) {
            spec.commandLine().getOut().printf("%s: returncode=%s latency=%dms message=%s%n", name, reply.returnCode(),
                    reply.latency().toMillis(), reply.message());
            return ok ? 0 : 1;
        }
    }

    @Command(name = "version", description = "Send version (value 'agent').")
    static final class Version extends Sub {
        @Override
        int execute(HostSimulator host) throws XenStoreException, InterruptedException {
            HostReply r = host.version();
            return print("version", r, r.isSuccess());
        }
    }

    @Command(name = "features", description = "Send features.")
    static final class Features extends Sub {
        @Override
        int execute(HostSimulator host) throws XenStoreException, InterruptedException {
            HostReply r = host.features();
            return print("features", r, r.isSuccess());
        }
    }

    @Command(name = "keyinit-password", description = "keyinit, then password (read from stdin).")
    static final class KeyinitPassword extends Sub {
        @Option(names = "--password-stdin", required = true, description = "read the password from the first line of stdin")
        boolean passwordStdin;
        @Option(names = "--digest", defaultValue = "MD5", description = "MD5 (default) or SHA256")
        Crypto.Digest digest;

        @Override
        int execute(HostSimulator host) throws XenStoreException, InterruptedException, IOException {
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null) {
                throw new IOException("no password on stdin");
            }
            HostReply k = host.keyinit();
            if (print("keyinit", k, k.isKeyInitSuccess()) != 0) {
                return 1;
            }
            HostReply p = host.password(password, digest);
            return print("password", p, p.isSuccess());
        }
    }

    @Command(name = "resetnetwork", description = "Write vm-data/networking from a JSON file, then resetnetwork.")
    static final class ResetNetwork extends Sub {
        @Option(names = "--network", required = true, paramLabel = "FILE.json", description = "network spec")
        Path network;

        @Override
        int execute(HostSimulator host) throws XenStoreException, InterruptedException, IOException {
            HostReply r = host.resetnetwork(NetworkSpecReader.read(network));
            return print("resetnetwork", r, r.isResetNetworkSuccess());
        }
    }

    @Command(name = "boot", description = "nova's first-boot sequence.")
    static final class Boot extends Sub {
        @Option(names = "--network", paramLabel = "FILE.json", description = "network spec for resetnetwork")
        Path network;
        @Option(names = "--ssh-key", paramLabel = "FILE", description = "public key for /root/.ssh/authorized_keys")
        Path sshKey;
        @Option(names = "--password-stdin", description = "read an admin password from stdin")
        boolean passwordStdin;
        @Option(names = "--version-timeout", defaultValue = "300", paramLabel = "SECONDS")
        long versionTimeout;

        @Override
        int execute(HostSimulator host) throws XenStoreException, InterruptedException, IOException {
            Optional<String> password = Optional.empty();
            if (passwordStdin) {
                password = Optional.ofNullable(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine());
            }
            BootPlan plan = new BootPlan(Duration.ofSeconds(versionTimeout),
                    sshKey == null ? Optional.empty() : Optional.of(Files.readString(sshKey)), password, Crypto.Digest.MD5,
                    network == null ? Optional.empty() : Optional.of(NetworkSpecReader.read(network)));
            List<StepReport> steps = host.boot(plan);
            boolean ok = true;
            for (StepReport s : steps) {
                print(s.name(), s.reply(), s.ok());
                ok &= s.ok();
            }
            return ok ? 0 : 1;
        }
    }
}
