/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.xenstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.novaagent.testkit.RequiredTool;

/**
 * Runs the independent XenStore clients (Debian's {@code xenstore-*} tools over libxenstore, and
 * pyxs under /usr/bin/python3) against a daemon socket, as the host side of a test.
 */
public final class StockTools {

    /**
     * What a tool printed.
     *
     * @param exitCode process exit code
     * @param out      standard output
     * @param err      standard error
     */
    public record Result(int exitCode, String out, String err) {
        /** @return stdout without the trailing newline */
        public String line() {
            return out.strip();
        }
    }

    private final Path socket;

    /** @param socket the daemon socket, passed as {@code XENSTORED_PATH} */
    public StockTools(Path socket) {
        this.socket = socket;
    }

    /** Checks (skip or fail) that the xenstore-utils tools are installed. */
    public static void requireTools() {
        RequiredTool.require("/usr/bin/xenstore-read", "stock XenStore clients (xenstore-utils)");
    }

    /** Checks (skip or fail) that the pyxs module is installed for Debian's /usr/bin/python3. */
    public static void requirePyxs() {
        RequiredTool.require("/usr/bin/python3", "pyxs runs under Debian's python3");
        RequiredTool.requireInstalled(Path.of("/usr/lib/python3/dist-packages/pyxs"), "python3-pyxs",
                "independent XenStore client for cross-checks");
    }

    /** Runs {@code xenstore-<tool> args...}. */
    public Result xs(String tool, String... args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add("/usr/bin/xenstore-" + tool);
        argv.addAll(List.of(args));
        return run(argv, 10);
    }

    /** Runs a pyxs snippet; {@code c} is a connected {@code pyxs.Client}. */
    public Result pyxs(String body) throws IOException {
        String script = "import sys\nfrom pyxs import Client\nwith Client(unix_socket_path=sys.argv[1]) as c:\n"
                + body.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
        return run(List.of("/usr/bin/python3", "-c", script, socket.toString()), 10);
    }

    /** Starts a long-running tool (e.g. xenstore-watch); the caller reads and destroys it. */
    public Process spawn(String tool, String... args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add("/usr/bin/xenstore-" + tool);
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("XENSTORED_PATH", socket.toString());
        return pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private Result run(List<String> argv, int timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("XENSTORED_PATH", socket.toString());
        pb.environment().remove("XENSTORED_RUNDIR");
        Process p = pb.start();
        p.getOutputStream().close();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(argv.get(0) + " timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
