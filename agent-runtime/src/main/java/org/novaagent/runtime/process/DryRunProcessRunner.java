/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner used whenever the target root is not {@code /}: the live machine must never be
 * changed, so it only logs what it would have run (never stdin) and reports "not executed".
 */
public final class DryRunProcessRunner implements ProcessRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunProcessRunner.class);

    private final Path root;

    /** @param root the target root, named in the log line */
    public DryRunProcessRunner(Path root) {
        this.root = root;
    }

    @Override
    public ProcessResult run(List<String> command, byte[] stdin, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        LOG.info("would run: {}{} (target root {} is not the live system)", String.join(" ", command),
                stdin.length > 0 ? " <stdin not shown>" : "", root);
        return ProcessResult.notExecuted();
    }
}
