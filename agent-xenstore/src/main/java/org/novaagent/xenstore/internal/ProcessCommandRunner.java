/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.novaagent.xenstore.WindowsXenStoreClient.CommandOutput;
import org.novaagent.xenstore.WindowsXenStoreClient.CommandRunner;

/** Runs {@code xenstore_client.exe} as a real process (stdout and stderr merged, with a time limit). */
public final class ProcessCommandRunner implements CommandRunner {

    private final Duration timeout;

    /** @param timeout how long one command may run before it is killed */
    public ProcessCommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public CommandOutput run(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(argv.get(0) + " did not finish within " + timeout);
            }
            return new CommandOutput(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        }
    }
}
