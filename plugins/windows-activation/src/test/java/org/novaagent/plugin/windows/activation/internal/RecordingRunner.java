/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.windows.activation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake {@link ProcessRunner} that records each call and, like the runtime's runner, logs the
 * command at debug (never stdin), so tests can check what would reach the agent's log.
 */
final class RecordingRunner implements ProcessRunner {

    /** One recorded call; stdin is copied before the handler wipes it. */
    record Call(List<String> command, String stdin, Duration timeout) {
    }

    private static final Logger LOG = LoggerFactory.getLogger("org.novaagent.runtime.process");

    final List<Call> calls = new ArrayList<>();
    private final Deque<ProcessResult> results;
    private final IOException failure;

    /** @param results the results of successive calls, in order */
    RecordingRunner(ProcessResult... results) {
        this.results = new ArrayDeque<>(List.of(results));
        this.failure = null;
    }

    RecordingRunner(IOException failure) {
        this.results = new ArrayDeque<>();
        this.failure = failure;
    }

    @Override
    public ProcessResult run(List<String> command, byte[] stdin, Duration timeout) throws IOException {
        LOG.debug("Running {}", command);
        calls.add(new Call(List.copyOf(command), new String(stdin, StandardCharsets.UTF_8), timeout));
        if (failure != null) {
            throw failure;
        }
        return results.remove();
    }
}
