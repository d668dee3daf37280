/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner used whenever the target root is not {@code /}, and for a dry run on the live system:
 * the live machine must never be changed, so it only logs what it would have run (never stdin) and
 * reports "not executed". The one exception is a dry run on the live system
 * ({@link #DryRunProcessRunner(Path, ProcessRunner)}): commands the caller marks read-only with
 * {@link #runReadOnly} are handed to the live runner, so the dry run can read the state it plans
 * against; {@link #run} still executes nothing.
 */
public final class DryRunProcessRunner implements ProcessRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunProcessRunner.class);

    private final Path root;
    private final Optional<ProcessRunner> liveReader;

    /** @param root the target root, named in the log line; nothing is ever executed */
    public DryRunProcessRunner(Path root) {
        this.root = root;
        this.liveReader = Optional.empty();
    }

    /**
     * A dry run on the live system: read-only queries are executed by {@code liveReader}, nothing else.
     *
     * @param root       the target root ({@code /})
     * @param liveReader the live system's runner, used only by {@link #runReadOnly}
     */
    public DryRunProcessRunner(Path root, ProcessRunner liveReader) {
        this.root = root;
        this.liveReader = Optional.of(liveReader);
    }

    @Override
    public ProcessResult run(List<String> command, byte[] stdin, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        LOG.info("would run: {}{} ({})", String.join(" ", command), stdin.length > 0 ? " <stdin not shown>" : "",
                liveReader.isPresent() ? "dry run" : "target root " + root + " is not the live system");
        return ProcessResult.notExecuted();
    }

    @Override
    public ProcessResult runReadOnly(List<String> command, byte[] stdin, Duration timeout)
            throws IOException, InterruptedException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        if (liveReader.isEmpty()) {
            LOG.info("would run: {}{} (a read-only query, but target root {} is not the live system)",
                    String.join(" ", command), stdin.length > 0 ? " <stdin not shown>" : "", root);
            return ProcessResult.notExecuted();
        }
        LOG.info("dry run: running the read-only query {}", String.join(" ", command));
        return liveReader.get().run(command, stdin, timeout);
    }
}
